/**
 * Real places on the five routes, with their coordinates (WGS84, rounded). Safe houses are
 * placed in the real neighbourhoods where reports describe them; the houses themselves are invented.
 */

/** One Location of the demo case. */
export interface Place {
  id: string;
  name: string;
  kind: 'country' | 'city' | 'port' | 'border crossing' | 'safe house' | 'beach' | 'airport' | 'other';
  country: string;
  lat: number;
  lon: number;
}

const p = (
  id: string,
  name: string,
  kind: Place['kind'],
  country: string,
  lat: number,
  lon: number,
): Place => ({
  id: `loc:${id}`,
  name,
  kind,
  country,
  lat,
  lon,
});

/** Every Location the demo case uses, emitted once before the syndicates. */
export const PLACES: readonly Place[] = [
  // Central Mediterranean
  p('agadez', 'Agadez', 'city', 'NE', 16.9733, 7.9911),
  p('bani-walid', 'Bani Walid warehouse', 'safe house', 'LY', 31.7566, 13.9942),
  p('tripoli', 'Tripoli', 'city', 'LY', 32.8872, 13.1913),
  p('janzour', 'Janzour safe house', 'safe house', 'LY', 32.818, 13.01),
  p('zuwara', 'Zuwara beach', 'beach', 'LY', 32.9344, 12.0791),
  p('sabratha', 'Sabratha beach', 'beach', 'LY', 32.7933, 12.4885),
  p('lampedusa', 'Lampedusa harbour', 'port', 'IT', 35.4983, 12.6061),
  p('pozzallo', 'Pozzallo port', 'port', 'IT', 36.7276, 14.8424),
  p('cm-sar', 'Central Mediterranean, 25 nm south-west of Lampedusa', 'other', 'IT', 35.25, 12.15),
  p('palermo', 'Palermo', 'city', 'IT', 38.1157, 13.3615),
  // Eastern Mediterranean
  p('istanbul', 'Istanbul', 'city', 'TR', 41.0082, 28.9784),
  p('aksaray', 'Aksaray safe house, Istanbul', 'safe house', 'TR', 41.0096, 28.9543),
  p('izmir', 'Izmir (Basmane)', 'city', 'TR', 38.4229, 27.146),
  p('ayvacik', 'Ayvacik coast', 'beach', 'TR', 39.4867, 26.3364),
  p('dikili', 'Dikili beach', 'beach', 'TR', 39.0714, 26.8889),
  p('bodrum', 'Bodrum peninsula', 'beach', 'TR', 37.0344, 27.4305),
  p('mytilene', 'Mytilene port, Lesvos', 'port', 'GR', 39.1047, 26.5547),
  p('kos', 'Kos port', 'port', 'GR', 36.893, 27.2877),
  p('mytilini-strait', 'Mytilini Strait', 'other', 'GR', 39.2, 26.45),
  // Western Balkans
  p('athens', 'Athens (Omonia)', 'city', 'GR', 37.9838, 23.7275),
  p('thessaloniki', 'Thessaloniki', 'city', 'GR', 40.6401, 22.9444),
  p('evzoni', 'Evzoni - Bogorodica crossing', 'border crossing', 'GR', 41.1219, 22.5447),
  p('gevgelija', 'Gevgelija', 'city', 'MK', 41.1417, 22.5025),
  p('tabanovce', 'Tabanovce - Presevo crossing', 'border crossing', 'MK', 42.2127, 21.6981),
  p('belgrade', 'Belgrade', 'city', 'RS', 44.7866, 20.4489),
  p('belgrade-house', 'Savamala safe house, Belgrade', 'safe house', 'RS', 44.811, 20.458),
  p('subotica', 'Subotica', 'city', 'RS', 46.1005, 19.6651),
  p('roszke', 'Roszke - Horgos crossing', 'border crossing', 'HU', 46.1804, 20.0297),
  p('bajakovo', 'Bajakovo - Batrovci crossing', 'border crossing', 'HR', 45.0459, 19.1076),
  p('spielfeld', 'Spielfeld crossing', 'border crossing', 'AT', 46.7095, 15.6433),
  p('nickelsdorf', 'Nickelsdorf crossing', 'border crossing', 'AT', 47.9422, 17.0675),
  p('vienna', 'Vienna', 'city', 'AT', 48.2082, 16.3738),
  p('munich', 'Munich', 'city', 'DE', 48.1351, 11.582),
  // West Africa - Canary Islands
  p('dakar', 'Dakar', 'city', 'SN', 14.7167, -17.4677),
  p('mbour', 'Mbour beach', 'beach', 'SN', 14.4161, -16.965),
  p('kayar', 'Kayar beach', 'beach', 'SN', 14.9167, -17.1167),
  p('saint-louis', 'Saint-Louis (Guet Ndar)', 'beach', 'SN', 16.0179, -16.4896),
  p('nouakchott', 'Nouakchott', 'city', 'MR', 18.0735, -15.9582),
  p('nouadhibou', 'Nouadhibou port', 'port', 'MR', 20.931, -17.0347),
  p('los-cristianos', 'Los Cristianos port, Tenerife', 'port', 'ES', 28.05, -16.7167),
  p('arguineguin', 'Arguineguin port, Gran Canaria', 'port', 'ES', 27.7594, -15.6822),
  p('la-restinga', 'La Restinga port, El Hierro', 'port', 'ES', 27.6417, -17.9806),
  p('atlantic-mr', 'Atlantic, off Cap Blanc', 'other', 'MR', 21.3, -17.6),
  // Andean - Caribbean to the United States
  p('quito', 'Quito', 'city', 'EC', -0.1807, -78.4678),
  p('guayaquil', 'Guayaquil', 'city', 'EC', -2.171, -79.9224),
  p('bogota', 'Bogota', 'city', 'CO', 4.711, -74.0721),
  p('necocli', 'Necocli beach', 'beach', 'CO', 8.4264, -76.7842),
  p('capurgana', 'Capurgana', 'beach', 'CO', 8.6333, -77.35),
  p('bajo-chiquito', 'Bajo Chiquito, Darien', 'other', 'PA', 8.1133, -77.6958),
  p('lajas-blancas', 'Lajas Blancas reception station', 'other', 'PA', 8.316, -77.924),
  p('paso-canoas', 'Paso Canoas crossing', 'border crossing', 'CR', 8.5333, -82.8333),
  p('tapachula', 'Tapachula', 'city', 'MX', 14.9056, -92.2635),
  p('ciudad-juarez', 'Ciudad Juarez', 'city', 'MX', 31.6904, -106.4245),
  p('el-paso', 'El Paso - Paso del Norte crossing', 'border crossing', 'US', 31.7587, -106.4869),
  // Sahel: base of the armed group paid by one broker
  p('menaka', 'Menaka', 'city', 'ML', 15.9182, 2.4022),
];

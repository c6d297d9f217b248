/**
 * Invented names, plausible for the regions on the routes. Every person in the demo case is
 * fictional; names are drawn as first name + family name from these pools.
 */

/** A pool of names for people of one nationality. */
export interface NamePool {
  nationality: string;
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
}

const pool = (nationality: string, male: string, female: string, family: string): NamePool => ({
  nationality,
  male: male.split(','),
  female: female.split(','),
  family: family.split(','),
});

/** Name pools by key. */
export const NAME_POOLS = {
  libyan: pool(
    'LY',
    'Abdulsalam,Mukhtar,Fathi,Khaled,Osama,Nuri,Salem,Ramadan,Emhemed,Taher,Milad,Hamza,Faraj,Jumaa,Anwar,Moataz',
    'Fatima,Asma,Najla,Hana,Salma,Rabia',
    'Bukhamada,Al-Fitouri,Ghadamsi,Al-Obeidi,Bensaud,Ermeilah,Al-Mahjoub,Gargoum,Elhouni,Abuzeid,Tarhouni,Krayem',
  ),
  turkish: pool(
    'TR',
    'Mehmet,Hakan,Serkan,Emre,Murat,Volkan,Cengiz,Baris,Ozan,Taner,Kemal,Levent,Yusuf,Erkan',
    'Aysel,Derya,Gulsen,Nihan,Sevda',
    'Karakaya,Yildirim,Ozturk,Celik,Aydogan,Kocabas,Sarikaya,Bozkurt,Tekin,Gunduz,Akinci,Erdem',
  ),
  balkan: pool(
    'RS',
    'Dragan,Nenad,Milos,Goran,Zoran,Dejan,Bojan,Marko,Ivica,Sasko,Arben,Blerim,Vlatko,Nikola',
    'Jelena,Snezana,Vesna,Marija,Ardita',
    'Petrovic,Jankovic,Stojanovski,Nikolovski,Markovic,Dimitrijevic,Krasniqi,Trajkovski,Ilic,Savic,Hoxha,Pavlovic',
  ),
  senegalese: pool(
    'SN',
    'Mamadou,Ousmane,Cheikh,Modou,Ibrahima,Abdoulaye,Pape,Moussa,Babacar,Serigne,Lamine,Aliou',
    'Awa,Fatou,Aminata,Mariama,Ndeye,Khady',
    'Diop,Ndiaye,Fall,Sow,Gueye,Sarr,Faye,Diallo,Mbaye,Ba,Thiam,Cisse',
  ),
  mauritanian: pool(
    'MR',
    'Mohamed Lemine,Sidi,Ahmedou,Cheikhna,Brahim,Mohamedou,El Hacen,Yahya',
    'Mariem,Aicha,Khadijetou,Vatimetou',
    'Ould Cheikh,Ould Sidi,Ould Ahmed,Ould Mohamed,Ould Brahim,Ould Hamady',
  ),
  andean: pool(
    'EC',
    'Jorge,Luis,Carlos,Wilson,Fabian,Edison,Marco,Diego,Byron,Cristian,Jhon,Andres,Julio,Wilmer',
    'Maria,Gabriela,Diana,Paola,Lorena,Yesenia',
    'Quishpe,Guaman,Cevallos,Zambrano,Mendoza,Villacis,Cardenas,Ortiz,Montoya,Restrepo,Cuesta,Moreno',
  ),
  mexican: pool(
    'MX',
    'Javier,Eduardo,Ramiro,Alfredo,Hector,Rogelio,Ismael,Saul,Arturo,Gerardo',
    'Guadalupe,Veronica,Rocio,Alejandra',
    'Hernandez,Gutierrez,Salazar,Castaneda,Ibarra,Valdez,Espinoza,Rosales,Trevino,Olvera',
  ),
  eritrean: pool(
    'ER',
    'Tesfay,Yonas,Dawit,Kidane,Filmon,Mebrahtu,Samuel,Habtom,Berhane,Merhawi',
    'Senait,Helen,Luwam,Saba,Yordanos,Mebrat',
    'Tesfamariam,Ghebremedhin,Habte,Kahsay,Woldu,Tekle,Andemariam,Berhe,Gebreyesus,Haile',
  ),
  sudanese: pool(
    'SD',
    'Mohamed,Ahmed,Abdelrahim,Osman,Babiker,Ibrahim,Hassan,Elfatih,Musa,Adam',
    'Amna,Samah,Nafisa,Rania,Zainab',
    'Abdalla,Elhassan,Babiker,Elamin,Hamid,Ishag,Yagoub,Suleiman,Abakar,Elnour',
  ),
  bangladeshi: pool(
    'BD',
    'Rakib,Sohel,Mizanur,Shahidul,Jahangir,Alamgir,Rubel,Kamrul,Ripon,Shafiq',
    'Nasrin,Shirin,Ruma,Tania',
    'Hossain,Rahman,Miah,Uddin,Islam,Sarkar,Chowdhury,Mollah,Talukder,Sheikh',
  ),
  syrian: pool(
    'SY',
    'Ahmad,Mohammad,Omar,Khaled,Bilal,Rami,Yamen,Wael,Fadi,Anas,Majd,Ammar',
    'Rasha,Lina,Nour,Hiba,Reem,Ghada',
    'Al-Hamwi,Haddad,Khatib,Al-Halabi,Darwish,Sabbagh,Mansour,Qassem,Hariri,Jabr,Shami,Issa',
  ),
  afghan: pool(
    'AF',
    'Ahmad Shah,Farid,Jawad,Mustafa,Naweed,Rahmatullah,Sayed,Wahid,Zabiullah,Hamid,Noorullah,Elyas',
    'Fereshta,Mariam,Zahra,Parwana,Shabnam',
    'Ahmadi,Hakimi,Noori,Sultani,Rahimi,Karimi,Hashimi,Safi,Mohammadi,Stanikzai,Wardak,Popal',
  ),
  pakistani: pool(
    'PK',
    'Imran,Asif,Waqas,Bilal,Usman,Zeeshan,Tariq,Shahzad,Kashif,Adnan',
    'Sana,Ayesha,Hina,Rabia',
    'Khan,Butt,Chaudhry,Malik,Qureshi,Raza,Iqbal,Javed,Akhtar,Aslam',
  ),
  moroccan: pool(
    'MA',
    'Youssef,Hamza,Anouar,Mehdi,Soufiane,Redouane,Ayoub,Hicham,Zakaria,Ilyas',
    'Salma,Imane,Khadija,Houda',
    'El Amrani,Benali,Ouazzani,Bouzid,El Idrissi,Tazi,Berrada,Chraibi,Lahlou,Naciri',
  ),
  malian: pool(
    'ML',
    'Bakary,Souleymane,Drissa,Seydou,Adama,Boubacar,Sekou,Oumar,Yacouba,Mahamadou',
    'Kadiatou,Oumou,Fanta,Assitan',
    'Traore,Keita,Coulibaly,Diarra,Kone,Sangare,Doumbia,Konate,Sissoko,Dembele',
  ),
  gambian: pool(
    'GM',
    'Lamin,Ebrima,Alieu,Momodou,Omar,Buba,Sulayman,Kebba,Ousman,Pa Modou',
    'Isatou,Binta,Haddy,Fatoumatta',
    'Jallow,Ceesay,Touray,Njie,Bah,Camara,Darboe,Sanneh,Jobe,Manneh',
  ),
  venezuelan: pool(
    'VE',
    'Jose Gregorio,Luis Alberto,Yorman,Jesus,Deiby,Kelvin,Reinaldo,Eduardo,Wilmer,Yonathan',
    'Yusmary,Daniela,Maryelis,Genesis,Yorleidys',
    'Rodriguez,Gonzalez,Perez,Hernandez,Marcano,Rangel,Briceno,Guevara,Mijares,Salas',
  ),
  haitian: pool(
    'HT',
    'Jean-Robert,Wilner,Fritznel,Jean-Baptiste,Kervens,Ricardo,Stevenson,Widlet,Jameson,Frantz',
    'Mirlande,Nadege,Roseline,Guerline',
    'Pierre,Joseph,Jean-Louis,Francois,Dorval,Baptiste,Exantus,Charles,Celestin,Toussaint',
  ),
  ecuadorian: pool(
    'EC',
    'Segundo,Angel,Patricio,Darwin,Klever,Ramiro,Holger,Stalin,Wilson,Manuel',
    'Rosa,Blanca,Jessica,Mayra,Lourdes',
    'Tenesaca,Naula,Chimbo,Lema,Pichizaca,Yupa,Sanango,Guallpa,Dutan,Tacuri',
  ),
} as const satisfies Record<string, NamePool>;

/** A key of `NAME_POOLS`. */
export type NamePoolKey = keyof typeof NAME_POOLS;

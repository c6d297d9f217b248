/**
 * One name-matching key for search, identity candidates and name watches. A name is folded to
 * ASCII whatever its script (any-ascii's tables: Arabic, Ethiopic, Cyrillic, accented Latin...), its
 * Arabic name particles are read as the romanisation tables write them, and each word becomes its
 * Double Metaphone code (Philips 2000, "The Double Metaphone Search Algorithm", C/C++ Users Journal
 * 18(6)), which ignores the vowels after the first letter and doubled letters: where most
 * romanisations of one Arabic, Tigrinya, Amharic or Persian name differ (Anouar/Anwar,
 * Mohammed/Muhammad, Youssef/Yusuf, Hussein/Husayn).
 *
 * The few rules below cover what Double Metaphone cannot know. Each comes from the romanisation
 * tables: the Library of Congress's ALA-LC Arabic table (2012) and BGN/PCGN 1956 write the article
 * al- (French-based usage el-, and ul- after a case vowel), assimilated before sun letters (ad-,
 * ar-, as-, ash-, at-, az-, an-); ث is th in both and s or t in Persian and Turkish usage
 * (Othman/Osman); ذ is dh, z in Persian and Turkish usage; ʿayn and hamza are written ʿ ʾ ' or left
 * out. "Abd al-" compounds (Abdul Rahman, Abd al-Rahman, Abdurrahman) and bin/ben/ibn, abu/abou
 * are written joined or apart.
 */
import anyAscii from 'any-ascii';
import { doubleMetaphone } from 'double-metaphone';

// Arabic script: the article ال at the start of a word, cut before romanisation.
const ARABIC_ARTICLE = /(^|\s)[\u0627\u0671]\u0644(?=[\u0600-\u06FF]{2})/gu;
const ARABIC_SCRIPT = /[\u0600-\u06FF]/u;
// Articles written apart (al-Masri, el Masri, ul-Haq), and their sun-letter forms (ash-Shami).
const ARTICLE = /^(?:al|el|ul|il)$/;
const SUN_ARTICLE = /^(?:ad|ar|as|ash|at|az|an|ath|adh|ed|er|es|et|ez|en)$/;
// "Abd" alone or with its article glued on (abdul, abdel, abdur, abdus...), written apart from the next word.
const ABD = /^abd(?:[aeiou]?l|[aeiou](?:sh|th|dh|[dnrstz]))?$/;
// "Abd" with its article and the next word glued on: abdulrahman, abdurrahman, abdelaziz.
const ABD_GLUED = /^abd(?:[aeiou]?l|[aeiou](sh|th|dh|[dnrstz])(?=\1))/;
const JOINED_WITH_NEXT = /^(?:bin|ben|ibn|bn|abu|abou|bou)$/;

/** Folds a name to lower-case ASCII words: any script, no diacritics, ʿayn and hamza dropped. */
export function foldToWords(name: string): string[] {
  const arabic = ARABIC_SCRIPT.test(name);
  const cut = arabic ? name.replace(ARABIC_ARTICLE, '$1') : name;
  return anyAscii(cut.normalize('NFC'))
    .toLowerCase()
    .split(/[^a-z0-9'`]+/)
    .map((word) => {
      // An ʿayn or hamza opening a word romanised from Arabic script stands for its first vowel.
      const opened = arabic ? word.replace(/^['`]+(?=[^aeiou'`])/, 'a') : word;
      return opened.replace(/['`]/g, '');
    })
    .filter((word) => word !== '');
}

interface ReadWords {
  /** The words as the key reads them: articles written apart dropped, particles joined to the next word. */
  words: string[];
  /** Other readings a search should also find: a particle's word alone, an article glued on. */
  alternates: string[];
}

function readWords(name: string): ReadWords {
  const words = foldToWords(name);
  const out: string[] = [];
  const alternates: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    if (next !== undefined && (ARTICLE.test(word) || (out.length > 0 && SUN_ARTICLE.test(word)))) {
      alternates.push(`al${next}`);
      continue;
    }
    if (next !== undefined && (ABD.test(word) || JOINED_WITH_NEXT.test(word))) {
      // The next word's own article (abd al-rahman, bin al-shibh) is read as part of the particle.
      const article = (ARTICLE.test(next) || SUN_ARTICLE.test(next)) && i + 2 < words.length;
      const named = (article ? words[i + 2] : next) as string;
      i += article ? 2 : 1;
      alternates.push(named);
      const particle = ABD.test(word) ? 'abdal' : /^(?:abu|abou|bou)$/.test(word) ? 'abu' : 'bin';
      out.push(
        particle === 'abdal' ? `abdal${stripArticle(named)}` : `${particle}${article ? 'al' : ''}${named}`,
      );
      continue;
    }
    out.push(joinedAbd(word));
  }
  return { words: out, alternates };
}

/** The words of a name as the key reads them: articles written apart dropped, abd and bin/abu joined to the next word. */
export function nameWords(name: string): string[] {
  return readWords(name).words;
}

// "allah" after abd: abdullah, abdallah and abd allah are one name.
function stripArticle(word: string): string {
  return word.replace(/^[aeiu]l(?=l)/, '');
}

function joinedAbd(word: string): string {
  const match = ABD_GLUED.exec(word);
  if (match === null || match[0].length >= word.length) return word.replace(/^(?:ibn|ben)(?=al)/, 'bin');
  return `abdal${stripArticle(word.slice(match[0].length))}`;
}

/** Romanisation choices Double Metaphone does not fold itself: th/s/t for ث, dh/z for ذ. */
function respell(word: string): string {
  return word.replace(/th/g, 's').replace(/dh/g, 'z');
}

// Words repeat (a million names are drawn from far fewer given names and surnames): each word's code
// is kept, up to a bound past which the memo starts again, so its memory stays small.
const WORD_MEMO_SIZE = 50_000;
const wordMemo = new Map<string, string>();

/** The phonetic code of one word, lower case: its Double Metaphone primary code, or the word itself. */
export function wordKey(word: string): string {
  const known = wordMemo.get(word);
  if (known !== undefined) return known;
  let key = word;
  if (!/^[0-9]+$/.test(word)) {
    const [primary] = doubleMetaphone(respell(word));
    key = primary === '' ? word : primary.toLowerCase();
  }
  if (wordMemo.size >= WORD_MEMO_SIZE) wordMemo.clear();
  wordMemo.set(word, key);
  return key;
}

/** The phonetic codes of a name's words, in order. */
export function nameKeys(name: string): string[] {
  return nameWords(name).map(wordKey);
}

/** One comparable key of a whole name: its word codes, sorted, distinct, space-separated. */
export function nameKey(name: string): string {
  return [...new Set(nameKeys(name))].sort().join(' ');
}

/**
 * What a search index holds for a set of names: every word's code, and the codes of other readings:
 * al-Masri is also found as "Elmasri", Abd al-Rahman as "Rahman", Ben Ali as "Ali".
 */
export function searchKeys(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const { words, alternates } = readWords(name);
    for (const word of [...words, ...alternates]) keys.add(wordKey(word));
  }
  return [...keys].sort();
}

/** Whether two names read as one name: the same word codes, in any order. */
export function sameName(a: string, b: string): boolean {
  const key = nameKey(a);
  return key !== '' && key === nameKey(b);
}

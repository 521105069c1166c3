/**
 * Page clutter copied along with an article: bylines, ad and share labels, newsletter and
 * cookie prompts, photo credits, timestamps. Recognised only as a whole line, and only by
 * shapes real sentences do not take, so a sentence that merely mentions cookies or sharing
 * stays a sentence. Every pattern is sticky (`y`) and tested in place at the line's start
 * and must reach the line's end (`$` with the `m` flag): nothing scans past the line.
 *
 * Patterns that use `\p{Lu}` carry no `i` flag: with it, `\p{Lu}` also matches lower case.
 */
import { isSpace } from './chars';

const SP = String.raw`[ \t\u00a0]`;
/** Trailing marks a label may carry: "Read more »", "Share:", "Comments →". */
const END = String.raw`[ \t\u00a0.:!?…>»›→|·•\-–—]*$`;
/** A count after a label: "Comments (12)", "Shares 1.2k". */
const COUNT = String.raw`(?:${SP}*[(\[]?${SP}*\d[\d,.]*[kKmM]?${SP}*[)\]]?)?`;
const REST = String.raw`[^\n\r\u2028\u2029]`;

/** Labels that are the whole line: "Advertisement", "Share this article", "Comments (12)". */
const LABEL = new RegExp(
  String.raw`(?:advertisement(?:${SP}*[-–—·|:]${SP}*scroll to continue(?: with content)?)?|advert|ad|sponsored(?: content)?|paid (?:content|post|partnership)|scroll to continue(?: with content)?|` +
    String.raw`share|shares|share (?:this|the) (?:article|story|page|post|video)|share (?:on|via) [\p{L} ,]{1,30}|tweet|email|e-mail|print|` +
    String.raw`copy link|link copied|save|saved|save (?:article|story|for later)|bookmark|gift (?:this )?article|` +
    String.raw`comments?|view comments|show comments|hide comments|join the conversation|add (?:a |your )?comment|\d[\d,]* comments?|` +
    String.raw`read more|read next|read full (?:article|story)|more on this story|related|related (?:articles?|stories|coverage|content|topics|links)|` +
    String.raw`see also|most (?:read|popular|viewed|shared)|trending(?: now)?|top stories|recommended(?: for you)?|` +
    String.raw`sign up(?: now)?|sign up (?:for|to) (?:our|the) (?:[\p{L}-]+ ){0,2}newsletters?(?: here| now| today)?|` +
    String.raw`subscribe(?: now| today)?|subscribe to (?:our|the) (?:[\p{L}-]+ ){0,2}newsletters?|newsletter sign[- ]?up|` +
    String.raw`skip to (?:main )?content|skip navigation|back to top|listen to (?:this )?article|continue reading|` +
    String.raw`show more|load more|loading|accept(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?|` +
    String.raw`(?:cookie|privacy) (?:settings|preferences|policy)|manage (?:cookies|preferences|cookie settings|consent)|` +
    String.raw`\d+[ -]min(?:ute)?s?(?: read)?|all rights reserved|topics|tags|filed under)${COUNT}${END}`,
  'iuym',
);

/** Labels that introduce a link or a credit: "Read more: …", "Related: …", "Photo: …". */
const LABELLED = new RegExp(
  String.raw`(?:read more|read next|also read|read also|related|see also|more from [\p{L} ]{1,30}|recommended|watch|listen|` +
    String.raw`photo(?:graph)?s?|image|images|picture|pic|illustration|graphic|video|credit|photo credit|image credit|` +
    String.raw`image source|footage|source|topics|tags|filed under)${SP}*[:|/,]${SP}*\S${REST}{0,200}$`,
  'iuym',
);

/** "(Photo by Jane Doe / Getty Images)", "Photo courtesy of the city". */
const PHOTO_BY = new RegExp(
  String.raw`[(\[]?${SP}*(?:photo(?:graph)?s?|image|picture|illustration|video|file photo)${SP}+(?:by|courtesy(?: of)?|credit)${SP}+${REST}{1,150}$`,
  'iuym',
);

const AGENCY = String.raw`(?:Getty Images|Reuters|AP(?: Photo)?|AFP|EPA(?:-EFE)?|Shutterstock|Alamy|PA(?: Media| Wire)?|Bloomberg|ANP|dpa)`;
/** A credit line ending with an agency: "Jane Doe/Getty Images", "AFP via Getty Images", "© Reuters". */
const AGENCY_CREDIT = new RegExp(String.raw`${REST}{0,80}?(?:/${SP}*${AGENCY}|\bvia Getty Images|©${SP}*${AGENCY})${SP}*[)\]]?${END}`, 'uym');

/** A cookie banner opening: "We use cookies…", "This website uses cookies…", "By continuing to browse…". */
const COOKIE = new RegExp(
  String.raw`(?:(?:we|this (?:web)?site|our (?:web)?site|this page) (?:use|uses) cookies\b|by (?:continuing to (?:browse|use)|using) (?:this|our) (?:web)?site\b)` +
    String.raw`${REST}{0,400}$`,
  'iuym',
);
/** What a cookie banner goes on about, unlike a news sentence about cookies. */
const COOKIE_TALK = /experience|accept|consent|agree|continu|privacy|cookie policy|settings|preferences|personali[sz]|analytic|advertis|improve|browsing/i;
/** A banner never reports speech: "…, the company claimed" makes the line a sentence. */
const REPORTED = /\b(?:said|says|claimed|claims|argued|argues|wrote|told|according|admitted|insisted)\b/i;

const PLATFORM = String.raw`(?:Twitter|X|Facebook|Instagram|TikTok|LinkedIn|YouTube|Threads|Bluesky|Mastodon|WhatsApp|Telegram|Snapchat|Google News)`;
/** "Follow us on X", "Follow @desk", "Follow Jane Doe on Instagram". */
const FOLLOW = new RegExp(
  String.raw`(?:Follow|FOLLOW) (?:us\b${REST}{0,80}|@\w${REST}{0,60}|\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,3} on ${PLATFORM}\b${REST}{0,40})$`,
  'uym',
);

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const WEEKDAY = String.raw`(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)`;
const ZONE = String.raw`(?:[ecmp][sd]?t|gmt|bst|utc|cet|cest|ist|jst|aest|aedt|hkt|sgt)`;
const UNIT = String.raw`(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?)`;
/** One piece of a date or time: 14, 5th, 14:32, p.m., Jan, Tuesday, GMT, hours, ago, 3h (and "updated" for "… | Updated 2 hours ago"). */
// "14.32" is read as 14, a separator, 32: a clock token with a dot would give such runs two
// readings each, and a long run of them exponential backtracking.
const DATE_TOKEN = String.raw`(?:\d{1,4}(?:st|nd|rd|th)?|\d{1,2}:\d{2}|\d{1,3}[hdm]|[ap]\.?m\.?|${MONTH}\b|${WEEKDAY}\b|${ZONE}\b|${UNIT}\b|ago|at|on|just|now|today|yesterday|an?|one|local time|updated|published|posted)`;
/** A date or time phrase and nothing else: "3 hours ago", "Tue 5 Jan 2025 14.32 GMT", "Jan. 5, 2025 at 3:14 p.m. ET". */
const DATE_PHRASE = String.raw`${DATE_TOKEN}(?:[ \t,./|·•–—-]+${DATE_TOKEN})*`;

/** "Updated 3 hours ago", "Published: Jan. 5, 2025", "Last modified on Tue 5 Jan 2025 14.32 GMT". */
const STAMPED = new RegExp(
  String.raw`(?:updated|published|posted|last updated|last modified|modified|first published|originally published)(?: on| at)?${SP}*:?${SP}*${DATE_PHRASE}${END}`,
  'iuym',
);
/** A bare timestamp line: "3 hours ago", "5 January 2025", "Tuesday, Jan. 5, 2025". */
const BARE_DATE = new RegExp(String.raw`${DATE_PHRASE}${END}`, 'iuym');
/** What makes a date phrase a timestamp rather than a heading like "Today": a day with its month, a clock time, "ago". */
const IS_STAMP = new RegExp(String.raw`\d${REST}*?(?:ago|${MONTH}\b|\d[:.]\d\d)|${MONTH}\.?${SP}+\d|\bago\b`, 'iu');

/** "© 2025 Riverton Post", "Copyright 2025 …". */
const COPYRIGHT = new RegExp(String.raw`(?:©|\(c\)|copyright)${SP}*\d{4}${REST}{0,120}$`, 'iuym');

/** The match of sticky `re` at `start` if it covers the whole trimmed line [start, end). */
function lineMatch(re: RegExp, text: string, start: number, end: number): RegExpExecArray | null {
  re.lastIndex = start;
  const match = re.exec(text);
  if (!match) return null;
  let stop = re.lastIndex;
  while (stop > start && isSpace(text.charCodeAt(stop - 1))) stop--;
  return stop >= end ? match : null;
}

function matches(re: RegExp, text: string, start: number, end: number): boolean {
  return lineMatch(re, text, start, end) !== null;
}

/** Whether the line text[start, end) (trimmed) is page clutter rather than article text. */
export function isClutterLine(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length > 480) return false;
  const first = text.charCodeAt(start) | 0x20; // ASCII lower case; other scripts never match
  if (length <= 70 && matches(LABEL, text, start, end)) return true;
  if (first === 0x62 /* b */ && isByline(text, start, end)) return true;
  if ((first === 0x77 || first === 0x74 || first === 0x6f || first === 0x62) && matches(COOKIE, text, start, end)) {
    const line = text.slice(start, end);
    return COOKIE_TALK.test(line) && !REPORTED.test(line);
  }
  if (length > 240) return false;
  if (matches(LABELLED, text, start, end) || matches(PHOTO_BY, text, start, end)) return true;
  if (first === 0x66 /* f */ && matches(FOLLOW, text, start, end)) return true;
  if (length <= 120 && matches(STAMPED, text, start, end)) return true;
  if (length <= 60 && matches(BARE_DATE, text, start, end) && IS_STAMP.test(text.slice(start, end))) return true;
  if (length <= 140 && matches(COPYRIGHT, text, start, end)) return true;
  return length <= 120 && matches(AGENCY_CREDIT, text, start, end);
}

// ---- Bylines -------------------------------------------------------------------------------

const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*\.?|\p{Lu}\.)`;
const PARTICLE = String.raw`(?:de|da|di|du|del|della|van|von|der|den|ter|la|le|bin|al|el)`;
/** A person's name: two to five capitalised words, particles allowed between. */
const NAME = String.raw`${NAME_WORD}(?:${SP}+(?:${PARTICLE}${SP}+)*${NAME_WORD}){1,4}`;
const BYLINE = new RegExp(
  String.raw`(?:By|BY|by)${SP}+(${NAME}(?:${SP}*(?:,|\band\b|&)${SP}*${NAME})*)${SP}*(?:([,|•·—–-]|\bfor\b|\bin\b)${SP}*(${REST}{0,80}))?$`,
  'uym',
);
/** Words that describe the writer, after the names: "Staff writers", "Reuters", "for The Post". */
const ROLE = /\b(?:staff|writers?|reporters?|correspondents?|editors?|contributors?|journalists?|columnists?|critic|producer|analyst|desk|bureau|news|press|reuters|associated press|ap|afp|bloomberg|times|post|guardian|herald|journal|tribune|chronicle|gazette)\b/i;
/** Capitalised words that follow "By" in sentences, not in bylines: "By Tuesday Morning…". */
const NOT_A_NAME = new RegExp(
  String.raw`^(?:${WEEKDAY}|${MONTH}|the|this|that|then|now|last|next|early|late|mid|noon|midnight|christmas|easter|spring|summer|autumn|fall|winter|law|contrast|comparison|far|most|some|all|its|his|her|their|our)\b`,
  'iu',
);
const ENDS_SENTENCE = /[.!?]$/;

function isByline(text: string, start: number, end: number): boolean {
  if (end - start > 160) return false;
  const match = lineMatch(BYLINE, text, start, end);
  if (!match) return false;
  const names = match[1] ?? '';
  if (NOT_A_NAME.test(names)) return false;
  const separator = match[2];
  if (separator === undefined) return true;
  const rest = (match[3] ?? '').trim();
  // After a pipe or bullet anything goes (a date, a section); after "in", a place; otherwise a role.
  if (separator === '|' || separator === '•' || separator === '·') return true;
  if (separator === 'in') return /^\p{Lu}/u.test(rest) && !ENDS_SENTENCE.test(rest) && rest.split(' ').length <= 4;
  return ROLE.test(rest) && !ENDS_SENTENCE.test(rest);
}

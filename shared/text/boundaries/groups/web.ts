/**
 * Boundary cases written for this project (not taken from any publication or data set).
 * `¦` marks a gold boundary: the end of a segment. A case without `¦` is a hard negative.
 *
 * Rule for clutter: a clutter line is one `clutter` segment, however many sentences it holds
 * (a cookie banner is not split); it ends the segment before it.
 */
import { kinds, type CaseGroup } from '../evaluate';

/** Addresses: never split inside a URL or an e-mail address. */
export const urls: CaseGroup = {
  name: 'URLs and e-mail',
  cases: [
    'See https://example.org/a.b?c=d for details.¦ The page was updated.',
    'Write to press@example.org.¦ Replies take a week.',
    'The report is at www.example.org/report.pdf.¦ It runs to 80 pages.',
    'Visit riverton.gov.example for details.',
    'The site (https://example.org/path/to/page.html?id=3&x=y.z) is down.',
    'Email jane.doe@example.co.uk or call 555-0100.',
    'Read https://example.org/?q=a!b for the data.',
    'The link https://example.org/news/2024/01/05/story.html#section-2.1 is broken.¦ We have fixed it.',
    'Go to example.org/help?topic=u.s.¦ The FAQ answers most questions.',
    'Our address is news@example.org!¦ Send tips.',
    'The file ftp://files.example.org/data.v2.csv is public.',
    'Contact: press@example.org.',
    'Docs live at https://example.org/docs/v1.2/.¦ They are incomplete.',
    '@riverton_news posted the video.¦ It went viral.',
    'The hashtag #BusLanes trended.¦ Critics joined in.',
    'Is https://example.org/faq?x=1 the right page?¦ Yes.',
    'Tips go to tips.desk@example.org or to the form at https://example.org/tips.',
  ],
};

/** Non-Latin scripts, emoji and astral characters. */
export const scripts: CaseGroup = {
  name: 'non-Latin scripts and emoji',
  cases: [
    '市议会周二投票通过了预算。¦市长表示满意。',
    '他说：“我们赢了。”¦然后离开了。',
    '市議会は予算を承認した。¦市長は満足している。¦反対派は抗議した！',
    '本当ですか？¦はい。',
    'وافق المجلس على الميزانية.¦ وقال العمدة إنه راض.',
    'هل الخطة جيدة؟¦ لا أحد يعرف.',
    'Совет утвердил бюджет.¦ Мэр доволен.',
    'Он живёт в г. Москве.',
    'Το συμβούλιο ενέκρινε τον προϋπολογισμό.¦ Ο δήμαρχος είναι ικανοποιημένος.',
    'Είναι σωστό;¦ Κανείς δεν ξέρει.',
    'परिषद ने बजट को मंजूरी दी।¦ महापौर संतुष्ट हैं।',
    'המועצה אישרה את התקציב.¦ ראש העיר מרוצה.',
    '의회가 예산을 승인했다.¦ 시장은 만족했다.',
    'The mayor said “我们赢了” in Mandarin.¦ The crowd cheered.',
    'We won! 🎉¦ Next up: the final.',
    'Great news 👍 for commuters.¦ Fares are frozen.',
    'The vote passed. 🎉🎉¦ Celebrations began.',
    'The family 👨‍👩‍👧 moved in.¦ They love it.',
    'The variable 𝑥 equals 3.¦ The variable 𝑦 equals 4.',
    'Fans waved 🇺🇸 flags.¦ The team won.',
    'Éric Dupont a démissionné.¦ Émilie Laurent le remplace.',
    'Der Rat hat den Haushalt genehmigt.¦ Die Bürgermeisterin ist zufrieden.',
    '¿Funcionará el plan?¦ ¡Nadie lo sabe!',
    'Toplantı bitti.¦ İstanbul’a döndü.',
    'کونسل نے بجٹ منظور کر لیا۔¦ میئر مطمئن ہیں۔',
    'Цена выросла на 3,5%.¦ Это много.',
  ],
};

/** Page clutter copied with an article, and sentences that only look like it. */
export const clutter: CaseGroup = {
  name: 'page clutter',
  cases: [
    kinds('clutter sentence', 'By Jane Doe¦\nThe council voted 7 to 2.'),
    kinds('clutter sentence', 'By Jane Doe and John Roe, Staff writers¦\nThe council met on Tuesday.'),
    kinds('clutter sentence', 'Advertisement¦\nThe project will cost $48 million.'),
    kinds('sentence clutter sentence', 'The vote was close.¦\nShare¦\nCritics were unhappy.'),
    kinds('clutter sentence', 'Share this article¦\nThe vote was 7 to 2.'),
    kinds('clutter', 'Comments (12)'),
    kinds('sentence clutter sentence', 'The mayor spoke.¦\n\nRead more¦\n\nCritics disagreed.'),
    kinds('clutter sentence', 'Related: Council approves bus lanes¦\nThe plan was first proposed in 2019.'),
    kinds('clutter sentence', 'Sign up for our newsletter¦\nThe council voted on Tuesday.'),
    kinds('clutter sentence', 'Photo: Sample Desk / Archive¦\nThe new lanes open in May.'),
    kinds('clutter sentence', '(Photo by Jane Doe / Getty Images)¦\nThe mayor after the vote.'),
    kinds('clutter sentence', 'Image: Riverton council chamber¦\nThe chamber was full.'),
    kinds('clutter sentence', 'We use cookies to improve your experience. Accept all cookies¦\nThe council voted on Tuesday.'),
    kinds(
      'clutter clutter sentence',
      'We use cookies to improve your experience. By continuing, you agree to our cookie policy.¦\nAccept all cookies¦\nThe council voted on Tuesday.',
    ),
    kinds('clutter sentence', 'Follow us on Twitter¦\nThe council voted on Tuesday.'),
    kinds('clutter sentence', 'Updated 3 hours ago¦\nThe council voted on Tuesday.'),
    kinds('clutter sentence', 'Published: Jan. 5, 2025¦\nThe council voted.'),
    kinds('clutter clutter sentence', 'Updated 3 hours ago¦\nBy Jane Doe | 5 January 2025¦\nThe council voted.'),
    kinds('clutter list-item list-item', 'Most read¦\n1. Council approves budget¦\n2. Bus lanes delayed'),
    kinds('clutter clutter sentence', 'Listen to this article¦\n5 min read¦\nThe council voted.'),
    kinds('clutter', '© 2025 Riverton Post. All rights reserved.'),
    kinds('clutter heading sentence', 'Skip to main content¦\nCouncil approves budget¦\nThe council voted.'),
    kinds('clutter sentence', 'Jane Doe/Getty Images¦\nThe mayor after the vote.'),
    kinds('clutter sentence', 'Advertisement - Scroll to continue¦\nThe vote was 7 to 2.'),
    kinds('sentence clutter', 'The council voted on Tuesday.¦\nComments'),
    kinds('clutter sentence', 'By Jane Doe in London¦\nThe talks collapsed.'),
    kinds('clutter sentence', 'Photograph: Jane Doe/Reuters¦\nThe talks collapsed.'),
    // Sentences that merely look like clutter stay sentences.
    kinds('sentence', 'We use cookies from the bakery next door, the café owner said.'),
    kinds('sentence', 'We use cookies to improve your experience, the company claimed in its defence.'),
    kinds('sentence', 'This website uses cookies to track readers across the web, the regulator found.'),
    kinds('sentence sentence', 'Share prices fell 4% on Tuesday.¦ Bonds rallied.'),
    kinds('sentence', 'Comments by the mayor angered residents.'),
    kinds('sentence', 'By Tuesday, the council had voted.'),
    kinds('sentence', 'By Jane Doe’s own account, the plan failed.'),
    kinds('sentence', 'Read more about the plan on the council’s website.'),
    kinds('sentence', 'Updated figures show unemployment fell to 3.5%.'),
    kinds('sentence', 'Follow the money, investigators say.'),
    kinds('sentence', 'Photographs of the site were published on Tuesday.'),
    kinds('sentence', 'Advertisement revenue fell by a third.'),
    kinds('sentence sentence', 'The council voted.¦\nAccept all cookies, the banner said, or leave the site.'),
  ],
};

import { describe, expect, it } from 'vitest';
import { isClutterLine } from './clutter';

const clutter = (line: string) => isClutterLine(line, 0, line.length);

describe('isClutterLine', () => {
  it.each([
    'By Jane Doe',
    'By Jane Doe and John Roe, Staff writers',
    'By J. R. Patel, Reuters',
    'BY ANA RUIZ | Jan. 5, 2025',
    'By Jane Doe for The Riverton Post',
    'By Jane Doe in London',
    'Advertisement',
    'ADVERTISEMENT',
    'Advertisement - Scroll to continue',
    'Share',
    'Share this article',
    'Share on Facebook',
    'Comments',
    'Comments (12)',
    '48 comments',
    'Read more',
    'Read more: Council approves bus lanes',
    'Related:',
    'Related: Council approves bus lanes',
    'Sign up for our newsletter',
    'Sign up to our daily newsletter',
    'Photo: Sample Desk / Archive',
    'Photograph: Jane Doe/Reuters',
    '(Photo by Jane Doe / Getty Images)',
    'Image: Riverton council chamber',
    'Image source, Getty Images',
    'Jane Doe/AFP via Getty Images',
    'We use cookies to improve your experience.',
    'We use cookies to improve your experience. Accept all cookies',
    'This website uses cookies. By continuing to browse, you agree to our cookie policy.',
    'Accept all cookies',
    'Manage cookies',
    'Follow us on Twitter',
    'Follow us on X, Facebook and Instagram',
    'Follow Jane Doe on Instagram',
    'Updated 3 hours ago',
    'Published 5 minutes ago',
    'Updated: 10:32 AM EST, Tue January 5, 2025',
    'Last modified on Tue 5 Jan 2025 14.32 GMT',
    'Published: Jan. 5, 2025',
    'Published 14:32 GMT, 5 January 2025 | Updated 2 hours ago',
    '3 hours ago',
    '5 January 2025',
    '5 min read',
    'Listen to this article',
    '© 2025 Riverton Post. All rights reserved.',
    'Skip to main content',
    'Most read',
  ])('%s is clutter', (line) => {
    expect(clutter(line)).toBe(true);
  });

  it.each([
    'We use cookies from the bakery next door, the café owner said.',
    'We use cookies to improve your experience, the company claimed in its defence.',
    'This website uses cookies to track readers across the web, the regulator found.',
    'The regulator said the site used cookies without consent.',
    'Share prices fell 4% on Tuesday.',
    'Comments by the mayor angered residents.',
    'By Tuesday, the council had voted.',
    'By Tuesday Morning the council had voted',
    'By the end of the year, prices rose.',
    'By Jane Doe’s own account, the plan failed.',
    'Read more about the plan on the council’s website.',
    'Updated figures show unemployment fell to 3.5%.',
    'Published reports put the cost at $48 million.',
    'Follow the money, investigators say.',
    'Photographs of the site were published on Tuesday.',
    'Advertisement revenue fell by a third.',
    'Sign up numbers doubled in May.',
    'Accept all cookies, the banner said, or leave the site.',
    'Today',
    'The council voted on Tuesday.',
    'He shared the video via AP.',
  ])('%s is not clutter', (line) => {
    expect(clutter(line)).toBe(false);
  });

  it('looks only at the given line of a longer text', () => {
    const text = 'The vote.\nAdvertisement\nMore text';
    expect(isClutterLine(text, 10, 23)).toBe(true);
    expect(isClutterLine(text, 0, 9)).toBe(false);
  });
});

/**
 * Articles for the review page's test, written for it (the people, the
 * exercise and the outlet are invented): wire style, with a person and a rank,
 * organizations, a place, a country the seed already holds (China), and a
 * named exercise.
 */

/** The explorer's type colours (explorer/src/colors.ts) as the browser computes them. */
const COLOUR = {
  PERSON: 'rgb(0, 114, 178)',
  ORGANIZATION: 'rgb(230, 159, 0)',
  COUNTRY: 'rgb(0, 158, 115)',
  LOCATION: 'rgb(204, 121, 167)',
  EVENT: 'rgb(213, 94, 0)',
} as const;

type Mention = readonly [name: string, type: keyof typeof COLOUR, colour: string];
const mention = (name: string, type: keyof typeof COLOUR): Mention => [name, type, COLOUR[type]];

export const ARTICLE = {
  publishedAt: '2024-06-03',
  outlet: 'Central Asia Wire',
  text: [
    'Kazakhstan and China to hold Steppe Partnership exercise',
    '',
    'ASTANA, June 3 (Central Asia Wire) - Major General Aidos Serikbayev, commander of the Kazakh Air Assault Forces, will lead the Steppe Partnership exercise with China later this month, the Kazakh Defence Ministry said on Monday.',
    '',
    'The exercise will be held at the Matybulak training range in the Zhambyl region from June 17 to June 25. About 1,500 troops from Kazakhstan and China are expected to take part.',
    '',
    '"Our forces will train together to counter terrorism," Serikbayev told reporters in Astana.',
  ].join('\n'),
  expectedMentions: [
    mention('Aidos Serikbayev', 'PERSON'),
    mention('Kazakh Air Assault Forces', 'ORGANIZATION'),
    mention('China', 'COUNTRY'),
    mention('Astana', 'LOCATION'),
    mention('Steppe Partnership', 'EVENT'),
  ],
};

export const HTML_PAGE = {
  html: `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Norway and Denmark plan Northern Coast exercise | Nordic Wire</title></head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe now for unlimited access</a></nav></header>
  <main>
    <article>
      <h1>Norway and Denmark plan Northern Coast exercise</h1>
      <p>OSLO, April 9 (Nordic Wire) - Vice Admiral Ingrid Halvorsen, chief of the Royal Norwegian Navy, met Danish naval officers in Oslo on Tuesday to plan the Northern Coast exercise, the Norwegian Defence Ministry said in a statement.</p>
      <p>The exercise will take place off Bergen in September, with frigates and submarines from Norway and Denmark, the ministry said. About 2,000 sailors are expected to take part in the two-week drill.</p>
      <p>Halvorsen said the exercise would test how the two navies protect undersea cables and pipelines in the North Sea, which both countries see as vital to their economies.</p>
    </article>
  </main>
  <aside><h2>Most read</h2><ul><li>Cookie policy update</li></ul></aside>
  <footer>© 2024 Nordic Wire. All rights reserved.</footer>
</body>
</html>`,
  kept: ['Vice Admiral Ingrid Halvorsen, chief of the Royal Norwegian Navy', 'The exercise will take place off Bergen in September'],
  dropped: ['Subscribe now', 'Cookie policy', 'All rights reserved', '<p>'],
};

export const FRENCH_ARTICLE =
  "PARIS, 12 mars - Le ministère des Armées a annoncé mardi que des soldats français participeront en septembre à un exercice conjoint avec l'armée allemande en Alsace, selon un communiqué publié à Paris. Le général Jean Dupuis commandera les troupes françaises.";

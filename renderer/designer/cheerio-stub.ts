/**
 * mjml-browser names cheerio as an external it never calls for the MJML the designer writes
 * (no mj-include, no mj-html-attributes). The renderer build points the name here instead of
 * bundling cheerio's Node code.
 */
export default {};

/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  // `all` holds every rule: a column of 🌐 on every row says nothing (README "Configs" explains it).
  ignoreConfig: ['all'],
  // The title already carries the description (`desc-parens-prefix-name`), so no 📝 line repeats it.
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions', 'requiresTypeChecking'],
  ruleDocSectionInclude: ['Examples', 'When Not To Use It'],
  ruleDocTitleFormat: 'desc-parens-prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'fixable', 'options'],
  ruleListSplit: 'meta.docs.category',
};

// Problems of codings, ratings, reviews, REFI-QDA projects, pseudonymisation, learning and output (rule ids coding/*, ratings/*, review/*, qdpx/*, agree/*, evaluate/*, learn/*, pseudonym*/*, output/*, analyze/*).

export const EN_PROBLEMS_CODING = {
  'problem.qdpx/not-zip': 'not a REFI-QDA project archive (.qdpx is a zip file): {reason}',
  'problem.qdpx/no-project': 'no project XML (*.qde) in the archive',
  'problem.qdpx/no-project.no-element': '{name} holds no REFI-QDA Project element',
  'problem.qdpx/several-projects': '{n} project XML files in the archive; read {name}',
  'problem.qdpx/malformed': '{name} is not well-formed XML: {fault}',
  'problem.qdpx/too-deep': '{name} is not well-formed XML: {fault}',
  'problem.qdpx/too-many-elements': '{name} is not well-formed XML: {fault}',
  'problem.qdpx/not-text': '{n} coding of pictures, PDF, audio or video sources or of whole documents ignored (only text selections are read)|{n} codings of pictures, PDF, audio or video sources or of whole documents ignored (only text selections are read)',
  'problem.qdpx/missing-source': 'text source "{name}": it has no plain text; its codings are ignored',
  'problem.qdpx/missing-source.path': 'text source "{name}": its plain text {path} is not in the archive; its codings are ignored',
  'problem.source.zip': 'text source "{name}": {reason}',
  'problem.pseudonyms/empty': 'the original is empty',
  'problem.pseudonyms/missing-column': 'missing pseudonym for "{original}"',
  'problem.pseudonyms/missing-column.cells': 'missing column: a row needs "original,pseudonym[,kind]" but has {n} cell',
  'problem.pseudonyms/conflict': '"{original}" is mapped to "{pseudonym}" here but to "{earlier}" at line {line}',
  'problem.pseudonyms/duplicate': '"{original}" is listed again (first at line {line})',
  'problem.pseudonyms/yaml': 'not valid YAML: {text}',
  'problem.pseudonyms/yaml-shape': 'a pseudonym map must be a YAML mapping of original: pseudonym',
  'problem.pseudonyms/yaml-shape.value': 'the pseudonym of "{original}" must be a string or a mapping with "pseudonym"',
  'problem.pseudonyms/format': 'a pseudonym map must be .csv, .tsv, .yaml or .yml',
} as const satisfies Record<string, string>;

// English strings of the category taxonomy editor (merged into enUS).
import type { taxonomyZh } from './taxonomy.zh';

export const taxonomyEn: typeof taxonomyZh = {
  taxonomy: {
    title: 'Categories',
    description:
      'The goods and services categories and problem types consumers choose when they file a complaint or report. A code once used is never deleted or reused: retire a category that is no longer wanted, and reactivate it if needed.',
    loading: 'Loading the categories…',
    loadFailed: 'The categories could not be loaded',
    empty: 'There are no categories.',
    problemTypes: 'Problem types',
    newGroup: { goods: 'New group of goods', services: 'New group of services' },
    newLeaf: 'New category',
    newLeafUnder: 'New category under “{{name}}”',
    newProblem: 'New problem type',
    editTitle: 'Edit category {{code}}',
    edit: 'Edit',
    retire: 'Retire',
    reactivate: 'Reactivate',
    retiredTag: 'Retired',
    retired: '{{code}} retired.',
    reactivated: '{{code}} reactivated.',
    saved: '{{code}} saved.',
    nameZh: 'Chinese name',
    nameEn: 'English name',
    code: 'Code (optional)',
    codeHint: 'Leave empty for the next free code, e.g. G0105; a code cannot be changed later.',
    position: 'Position',
    positionHint: 'Lower numbers come first; leave empty to go last among its siblings.',
    required: 'Fill in this field.',
    save: 'Save',
    cancel: 'Cancel',
  },
};

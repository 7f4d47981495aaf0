// Accent- and case-insensitive search keys, computed at load time so both stores rank matches the same way.

const EXTRA_FOLDS: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', đ: 'd', ł: 'l' };

export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæßđł]/g, (c) => EXTRA_FOLDS[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SearchColumns {
  searchText: string;
  searchName: string;
  searchNameEn: string | null;
}

export function searchColumns(node: { id: string; name: string; nameEn?: string; shortName?: string }): SearchColumns {
  const parts = [node.id, node.name, node.nameEn, node.shortName].filter((p): p is string => Boolean(p));
  return {
    searchText: parts.map(searchKey).join(' | '),
    searchName: searchKey(node.name),
    searchNameEn: node.nameEn ? searchKey(node.nameEn) : null,
  };
}

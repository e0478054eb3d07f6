import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Whether the current field's selection (fragments included) asks for any of `names`. */
export function selectsAny(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const wanted = new Set(names);
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): boolean => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD && wanted.has(selection.name.value)) return true;
      if (selection.kind === Kind.INLINE_FRAGMENT && visit(selection.selectionSet, seen)) return true;
      if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
        const fragment = info.fragments[selection.name.value];
        if (fragment && visit(fragment.selectionSet, new Set([...seen, selection.name.value]))) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => visit(node.selectionSet, new Set()));
}

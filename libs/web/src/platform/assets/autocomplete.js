// The autocomplete island: a <select data-autocomplete> (areas, themes, organisations)
// becomes an accessible type-ahead. Without JavaScript it stays the select it is.
import accessibleAutocomplete from 'accessible-autocomplete';

export function enhanceSelects(root) {
  for (const select of root.querySelectorAll('select[data-autocomplete]')) {
    if (select.multiple) continue;
    accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: '',
      showAllValues: true,
      dropdownArrow: () => '',
    });
  }
}

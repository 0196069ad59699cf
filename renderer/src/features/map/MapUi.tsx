import {
  AccessibilityMenu,
  ColorSchemeMenu,
  DefaultMainMenu,
  EditSubmenu,
  ExtrasGroup,
  InputModeMenu,
  KeyboardShortcutsMenuItem,
  TldrawUiMenuGroup,
  TldrawUiMenuSubmenu,
  ToggleDynamicSizeModeItem,
  ToggleEdgeScrollingItem,
  ToggleFocusModeItem,
  ToggleGridItem,
  TogglePasteAtCursorItem,
  ToggleSnapModeItem,
  ToggleToolLockItem,
  ToggleWrapModeItem,
  ViewSubmenu,
  type TLComponents,
  type TLUiOverrides,
} from 'tldraw';

/**
 * Menu entries removed from tldraw's UI: embeds and bookmarks (they load from the web), tldraw's
 * own file exports and print (exports go through SystemMap's buttons and `onExport`, so the app
 * decides where bytes go), pages (a system map is one page) and debug mode. Removing an action
 * also removes its keyboard shortcut.
 */
const REMOVED_ACTIONS = new Set([
  'insert-embed',
  'open-embed-link',
  'convert-to-bookmark',
  'convert-to-embed',
  'export-as-svg',
  'export-as-png',
  'export-all-as-svg',
  'export-all-as-png',
  'print',
  'move-to-new-page',
  'change-page-prev',
  'change-page-next',
  'toggle-debug-mode',
]);

export const MAP_UI_OVERRIDES: TLUiOverrides = {
  actions(_editor, actions) {
    return Object.fromEntries(Object.entries(actions).filter(([id]) => !REMOVED_ACTIONS.has(id)));
  },
  tools(_editor, tools) {
    return Object.fromEntries(Object.entries(tools).filter(([id]) => id !== 'embed'));
  },
};

/** tldraw's main menu without the export submenu and the language menu (the UI is pinned to English). */
function MapMainMenu() {
  return (
    <DefaultMainMenu>
      <TldrawUiMenuGroup id="basic">
        <EditSubmenu />
        <ViewSubmenu />
        <ExtrasGroup />
      </TldrawUiMenuGroup>
      <TldrawUiMenuGroup id="preferences">
        <TldrawUiMenuSubmenu id="preferences" label="menu.preferences">
          <TldrawUiMenuGroup id="preferences-actions">
            <ToggleSnapModeItem />
            <ToggleToolLockItem />
            <ToggleGridItem />
            <ToggleWrapModeItem />
            <ToggleFocusModeItem />
            <ToggleEdgeScrollingItem />
            <ToggleDynamicSizeModeItem />
            <TogglePasteAtCursorItem />
          </TldrawUiMenuGroup>
          <TldrawUiMenuGroup id="user-interface-submenus">
            <AccessibilityMenu />
            <InputModeMenu />
            <ColorSchemeMenu />
          </TldrawUiMenuGroup>
        </TldrawUiMenuSubmenu>
        <KeyboardShortcutsMenuItem />
      </TldrawUiMenuGroup>
    </DefaultMainMenu>
  );
}

/** A quieter tldraw: one page, no debug, help or language menus. */
export const MAP_COMPONENTS: TLComponents = {
  MainMenu: MapMainMenu,
  PageMenu: null,
  DebugMenu: null,
  DebugPanel: null,
  HelpMenu: null,
  SharePanel: null,
};

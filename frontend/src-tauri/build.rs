/// The app's own commands, declared so that each needs a permission in capabilities/ (an
/// undeclared command could otherwise be called by any page of the window).
const COMMANDS: &[&str] = &[
    "secret_get",
    "secret_set",
    "secret_delete",
    "pty_spawn",
    "pty_write",
    "pty_resize",
    "pty_kill",
    "system_info",
    "check_server",
    "tray_set_unread",
    "tray_set_labels",
    "save_file",
    "deep_link_pending",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}

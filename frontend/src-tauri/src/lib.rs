//! Panoramix desktop: the bundled web build in a window, plus the native powers the web side
//! reaches through `frontend/src/platform/desktop/` (contract: /work/brief/DESKTOP-INTERFACE.md,
//! summarised in frontend/src-tauri/README.md).

pub mod deep_link;
pub mod files;
pub mod pty;
pub mod secrets;
pub mod server;
pub mod system;
pub mod tray;

use serde_json::json;
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Emitter, Manager, RunEvent, State, WindowEvent};
use tauri_plugin_autostart::ManagerExt as _;
use tauri_plugin_deep_link::DeepLinkExt;
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_store::StoreExt;
use tauri_plugin_window_state::StateFlags;

/// The store file the web's Préférences write too (saved servers are in its servers.json).
const SETTINGS_FILE: &str = "settings.json";
const MINIMISE_KEY: &str = "minimiseToTray";

/// Closing the window hides it in the tray: read at each close, as the page may have changed it.
fn minimise_to_tray(app: &AppHandle) -> bool {
    app.store(SETTINGS_FILE)
        .ok()
        .and_then(|store| store.get(MINIMISE_KEY))
        .and_then(|value| value.as_bool())
        .unwrap_or(false)
}

/// The link the app was started with, kept until the page asks (it was not listening yet).
#[derive(Default)]
struct PendingLink(Mutex<Option<String>>);

/// Runs blocking work (D-Bus, HTTP, /proc) off the main thread.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| e.to_string())?
}

#[tauri::command]
async fn secret_get(
    secrets: State<'_, Arc<secrets::Secrets>>,
    key: String,
) -> Result<Option<String>, String> {
    let secrets = Arc::clone(&secrets);
    blocking(move || secrets.get(&key)).await
}

#[tauri::command]
async fn secret_set(
    secrets: State<'_, Arc<secrets::Secrets>>,
    key: String,
    value: String,
) -> Result<(), String> {
    let secrets = Arc::clone(&secrets);
    blocking(move || secrets.set(&key, &value)).await
}

#[tauri::command]
async fn secret_delete(
    secrets: State<'_, Arc<secrets::Secrets>>,
    key: String,
) -> Result<(), String> {
    let secrets = Arc::clone(&secrets);
    blocking(move || secrets.delete(&key)).await
}

#[tauri::command]
fn pty_spawn(terminals: State<'_, pty::Terminals>, cols: u16, rows: u16) -> Result<u32, String> {
    terminals.spawn(cols, rows)
}

#[tauri::command]
fn pty_write(terminals: State<'_, pty::Terminals>, id: u32, data: String) -> Result<(), String> {
    terminals.write(id, &data)
}

#[tauri::command]
fn pty_resize(
    terminals: State<'_, pty::Terminals>,
    id: u32,
    cols: u16,
    rows: u16,
) -> Result<(), String> {
    terminals.resize(id, cols, rows)
}

#[tauri::command]
fn pty_kill(terminals: State<'_, pty::Terminals>, id: u32) -> Result<(), String> {
    terminals.kill(id)
}

#[tauri::command]
async fn system_info() -> Result<system::SystemInfo, String> {
    blocking(|| Ok(system::read())).await
}

#[tauri::command]
async fn check_server(url: String) -> Result<server::ServerCheck, String> {
    blocking(move || Ok(server::check(&url))).await
}

#[tauri::command]
fn tray_set_unread(tray: State<'_, tray::Tray>, count: u32) -> Result<(), String> {
    tray.set_unread(count).map_err(|e| e.to_string())
}

#[tauri::command]
fn tray_set_labels(
    tray: State<'_, tray::Tray>,
    show: String,
    autostart: String,
    minimise: String,
    quit: String,
) -> Result<(), String> {
    tray.set_labels(&tray::Labels {
        show,
        autostart,
        minimise,
        quit,
    })
    .map_err(|e| e.to_string())
}

/// Body: the file's bytes (raw); header `x-file-name`: the suggested name, percent-encoded.
/// Answers the path written, or None when the user cancelled the dialog.
#[tauri::command]
async fn save_file(
    app: AppHandle,
    request: tauri::ipc::Request<'_>,
) -> Result<Option<String>, String> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err("save_file takes the file's bytes as a raw body".into());
    };
    let bytes = bytes.clone();
    let name = files::suggested_name(
        request
            .headers()
            .get("x-file-name")
            .and_then(|v| v.to_str().ok()),
    );
    blocking(move || {
        let Some(chosen) = app.dialog().file().set_file_name(name).blocking_save_file() else {
            return Ok(None);
        };
        let path = chosen.into_path().map_err(|e| e.to_string())?;
        std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
        Ok(Some(path.to_string_lossy().into_owned()))
    })
    .await
}

#[tauri::command]
fn deep_link_pending(pending: State<'_, PendingLink>) -> Option<String> {
    pending.0.lock().ok().and_then(|mut link| link.take())
}

/// The tray menu's actions (ids from tray::build).
pub(crate) fn on_tray_menu(app: &AppHandle, id: &str) {
    match id {
        "show" => tray::show_main(app),
        "autostart" => {
            let autolaunch = app.autolaunch();
            let on = !autolaunch.is_enabled().unwrap_or(false);
            let _ = if on {
                autolaunch.enable()
            } else {
                autolaunch.disable()
            };
            let _ = app
                .state::<tray::Tray>()
                .set_autostart_checked(autolaunch.is_enabled().unwrap_or(false));
        }
        "minimise" => {
            let on = !minimise_to_tray(app);
            if let Ok(store) = app.store(SETTINGS_FILE) {
                store.set(MINIMISE_KEY, json!(on));
                let _ = store.save();
            }
            let _ = app.state::<tray::Tray>().set_minimise_checked(on);
        }
        "quit" => app.exit(0),
        _ => {}
    }
}

fn open_links(app: &AppHandle, urls: impl IntoIterator<Item = url::Url>) {
    for path in urls
        .into_iter()
        .filter_map(|url| deep_link::to_path(url.as_str()))
    {
        tray::show_main(app);
        let _ = app.emit("deep-link", deep_link::DeepLink { path });
    }
}

/// Terminal output and ends as the page's `pty-output` / `pty-exit` events.
struct PageEvents(AppHandle);

impl pty::PtyEvents for PageEvents {
    fn output(&self, event: pty::PtyOutput) {
        let _ = self.0.emit("pty-output", event);
    }
    fn exit(&self, event: pty::PtyExit) {
        let _ = self.0.emit("pty-exit", event);
    }
}

fn setup(app: &mut tauri::App) -> Result<(), Box<dyn std::error::Error>> {
    let handle = app.handle().clone();
    let data_dir = app.path().app_data_dir()?;
    app.manage(Arc::new(secrets::Secrets::new(
        data_dir.join("secrets.bin"),
    )));
    app.manage(pty::Terminals::new(Arc::new(PageEvents(handle.clone()))));

    app.manage(tray::build(&handle, minimise_to_tray(&handle))?);

    let started_with = app.deep_link().get_current()?.unwrap_or_default();
    let first = started_with
        .iter()
        .find_map(|url| deep_link::to_path(url.as_str()));
    app.manage(PendingLink(Mutex::new(first)));
    app.deep_link()
        .on_open_url(move |event| open_links(&handle, event.urls()));
    Ok(())
}

pub fn run() {
    let app = tauri::Builder::default()
        // First: a second launch (or a panoramix:// link opened while running) goes to this window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            tray::show_main(app)
        }))
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_store::Builder::default().build())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            None,
        ))
        // Size and place, not visibility: a window hidden in the tray at quit opens shown.
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(StateFlags::all() & !StateFlags::VISIBLE)
                .build(),
        )
        .setup(setup)
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                if minimise_to_tray(window.app_handle()) {
                    api.prevent_close();
                    let _ = window.hide();
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            secret_get,
            secret_set,
            secret_delete,
            pty_spawn,
            pty_write,
            pty_resize,
            pty_kill,
            system_info,
            check_server,
            tray_set_unread,
            tray_set_labels,
            save_file,
            deep_link_pending,
        ])
        .build(tauri::generate_context!())
        .expect("the Panoramix window could not be created");
    app.run(|app, event| {
        if let RunEvent::Exit = event {
            app.state::<pty::Terminals>().kill_all(); // no shell outlives the app
        }
    });
}

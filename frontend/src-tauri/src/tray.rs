//! The tray icon: a menu (show, start at login, minimise to tray, quit) whose texts the web side
//! sets in its language, and a red dot on the icon while messages are unread.

use serde::Deserialize;
use std::sync::Mutex;
use tauri::image::Image;
use tauri::menu::{CheckMenuItem, Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{TrayIcon, TrayIconBuilder};
use tauri::{AppHandle, Manager, Wry};
use tauri_plugin_autostart::ManagerExt as _;

#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct Labels {
    pub show: String,
    pub autostart: String,
    pub minimise: String,
    pub quit: String,
}

impl Default for Labels {
    /// French until the page says otherwise, as the web client's default language.
    fn default() -> Self {
        Self {
            show: "Afficher".into(),
            autostart: "Lancer au démarrage".into(),
            minimise: "Réduire dans la barre".into(),
            quit: "Quitter".into(),
        }
    }
}

pub struct Tray {
    icon: TrayIcon,
    show: MenuItem<Wry>,
    autostart: CheckMenuItem<Wry>,
    minimise: CheckMenuItem<Wry>,
    quit: MenuItem<Wry>,
    unread: Mutex<u32>,
}

const ICON: Image<'static> = tauri::include_image!("icons/128x128.png");

pub fn build(app: &AppHandle, minimise_to_tray: bool) -> tauri::Result<Tray> {
    let labels = Labels::default();
    let autostart_on = app.autolaunch().is_enabled().unwrap_or(false);
    let show = MenuItem::with_id(app, "show", &labels.show, true, None::<&str>)?;
    let autostart = CheckMenuItem::with_id(
        app,
        "autostart",
        &labels.autostart,
        true,
        autostart_on,
        None::<&str>,
    )?;
    let minimise = CheckMenuItem::with_id(
        app,
        "minimise",
        &labels.minimise,
        true,
        minimise_to_tray,
        None::<&str>,
    )?;
    let quit = MenuItem::with_id(app, "quit", &labels.quit, true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(app, &[&show, &autostart, &minimise, &separator, &quit])?;
    let icon = TrayIconBuilder::with_id("main")
        .icon(ICON.clone())
        .tooltip("Panoramix")
        .menu(&menu)
        .show_menu_on_left_click(true)
        .on_menu_event(|app, event| crate::on_tray_menu(app, event.id().as_ref()))
        .build(app)?;
    Ok(Tray {
        icon,
        show,
        autostart,
        minimise,
        quit,
        unread: Mutex::new(0),
    })
}

impl Tray {
    pub fn set_labels(&self, labels: &Labels) -> tauri::Result<()> {
        self.show.set_text(&labels.show)?;
        self.autostart.set_text(&labels.autostart)?;
        self.minimise.set_text(&labels.minimise)?;
        self.quit.set_text(&labels.quit)
    }

    pub fn set_autostart_checked(&self, on: bool) -> tauri::Result<()> {
        self.autostart.set_checked(on)
    }

    pub fn set_minimise_checked(&self, on: bool) -> tauri::Result<()> {
        self.minimise.set_checked(on)
    }

    pub fn set_unread(&self, count: u32) -> tauri::Result<()> {
        let mut unread = self
            .unread
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if *unread == count {
            return Ok(());
        }
        *unread = count;
        let icon = if count == 0 {
            ICON.clone()
        } else {
            Image::new_owned(
                with_badge(ICON.rgba(), ICON.width(), ICON.height()),
                ICON.width(),
                ICON.height(),
            )
        };
        self.icon.set_icon(Some(icon))?;
        let text = badge_text(count);
        self.icon
            .set_tooltip(Some(format!("Panoramix {text}").trim_end()))?;
        // The label beside the indicator (AppIndicator shows it; other trays ignore it).
        self.icon.set_title(Some(text))
    }
}

/// "" for none, the count up to 99, then "99+".
pub fn badge_text(count: u32) -> String {
    match count {
        0 => String::new(),
        1..=99 => count.to_string(),
        _ => "99+".into(),
    }
}

/// The icon with a red dot (white rim) in its top-right corner.
pub fn with_badge(rgba: &[u8], width: u32, height: u32) -> Vec<u8> {
    let mut out = rgba.to_vec();
    let radius = width.min(height) as f32 * 0.22;
    let (cx, cy) = (width as f32 - radius - 1.0, radius + 1.0);
    for y in 0..height {
        for x in 0..width {
            let distance = ((x as f32 + 0.5 - cx).powi(2) + (y as f32 + 0.5 - cy).powi(2)).sqrt();
            let colour = if distance <= radius * 0.8 {
                [220, 38, 38, 255]
            } else if distance <= radius {
                [255, 255, 255, 255]
            } else {
                continue;
            };
            let at = ((y * width + x) * 4) as usize;
            out[at..at + 4].copy_from_slice(&colour);
        }
    }
    out
}

/// Shows and focuses the main window (tray "show", a second launch, a deep link).
pub fn show_main(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badge_marks_the_corner_and_leaves_the_rest() {
        let (width, height) = (32u32, 32u32);
        let plain = vec![10u8; (width * height * 4) as usize];
        let badged = with_badge(&plain, width, height);
        let pixel = |x: u32, y: u32| {
            &badged[((y * width + x) * 4) as usize..((y * width + x) * 4 + 4) as usize]
        };
        let radius = 32.0 * 0.22;
        let (cx, cy) = ((32.0 - radius - 1.0) as u32, (radius + 1.0) as u32);
        assert_eq!(pixel(cx, cy), [220, 38, 38, 255]);
        assert_eq!(pixel(2, 30), [10, 10, 10, 10]);
        assert_eq!(pixel(16, 16), [10, 10, 10, 10]);
    }

    #[test]
    fn badge_text_is_bounded() {
        assert_eq!(badge_text(0), "");
        assert_eq!(badge_text(7), "7");
        assert_eq!(badge_text(250), "99+");
    }

    #[test]
    fn default_labels_are_french() {
        assert_eq!(Labels::default().quit, "Quitter");
    }
}

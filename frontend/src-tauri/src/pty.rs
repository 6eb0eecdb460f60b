//! Terminals: the user's shell in a real PTY (portable-pty). The only way the web view can run
//! anything: it gets a shell it types into, never a command line of its choosing.

use portable_pty::{native_pty_system, ChildKiller, CommandBuilder, MasterPty, PtySize};
use serde::Serialize;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

/// Enough for any tab layout; bounds what a runaway page could open.
pub const MAX_TERMINALS: usize = 16;

#[derive(Clone, Serialize, Debug, PartialEq)]
pub struct PtyOutput {
    pub id: u32,
    pub data: String,
}

#[derive(Clone, Serialize, Debug, PartialEq)]
pub struct PtyExit {
    pub id: u32,
    pub code: i32,
}

/// Where a terminal's output and end go: Tauri events in the app, a channel in tests.
pub trait PtyEvents: Send + Sync + 'static {
    fn output(&self, event: PtyOutput);
    fn exit(&self, event: PtyExit);
}

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    killer: Box<dyn ChildKiller + Send + Sync>,
}

pub struct Terminals {
    events: Arc<dyn PtyEvents>,
    sessions: Arc<Mutex<HashMap<u32, Session>>>,
    next_id: AtomicU32,
}

/// `$SHELL` when it names an absolute path, else /bin/sh.
pub fn user_shell(shell: Option<String>) -> String {
    shell
        .filter(|s| s.starts_with('/'))
        .unwrap_or_else(|| "/bin/sh".to_owned())
}

fn size(cols: u16, rows: u16) -> Result<PtySize, String> {
    if cols == 0 || rows == 0 {
        return Err("a terminal needs at least one column and one row".into());
    }
    Ok(PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    })
}

impl Terminals {
    pub fn new(events: Arc<dyn PtyEvents>) -> Self {
        Self {
            events,
            sessions: Arc::default(),
            next_id: AtomicU32::new(1),
        }
    }

    pub fn spawn(&self, cols: u16, rows: u16) -> Result<u32, String> {
        let size = size(cols, rows)?;
        if self.sessions.lock().map_err(|e| e.to_string())?.len() >= MAX_TERMINALS {
            return Err(format!("at most {MAX_TERMINALS} terminals at once"));
        }
        let pair = native_pty_system()
            .openpty(size)
            .map_err(|e| e.to_string())?;
        let mut command = CommandBuilder::new(user_shell(std::env::var("SHELL").ok()));
        if let Ok(home) = std::env::var("HOME") {
            command.cwd(home);
        }
        command.env("TERM", "xterm-256color");
        command.env("COLORTERM", "truecolor");
        let mut child = pair
            .slave
            .spawn_command(command)
            .map_err(|e| e.to_string())?;
        drop(pair.slave); // the shell holds the only slave end: its exit ends the reader
        let mut reader = pair.master.try_clone_reader().map_err(|e| e.to_string())?;
        let writer = pair.master.take_writer().map_err(|e| e.to_string())?;
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let session = Session {
            master: pair.master,
            writer,
            killer: child.clone_killer(),
        };
        self.sessions
            .lock()
            .map_err(|e| e.to_string())?
            .insert(id, session);

        let events = Arc::clone(&self.events);
        let sessions = Arc::clone(&self.sessions);
        std::thread::spawn(move || {
            let mut decoder = Utf8Stream::default();
            let mut buffer = [0u8; 8192];
            while let Ok(read) = reader.read(&mut buffer) {
                if read == 0 {
                    break;
                }
                let data = decoder.push(&buffer[..read]);
                if !data.is_empty() {
                    events.output(PtyOutput { id, data });
                }
            }
            // The output is drained before the exit is told, so the last line is never lost.
            let code = child.wait().map(|s| s.exit_code() as i32).unwrap_or(-1);
            if let Ok(mut sessions) = sessions.lock() {
                sessions.remove(&id);
            }
            events.exit(PtyExit { id, code });
        });
        Ok(id)
    }

    pub fn write(&self, id: u32, data: &str) -> Result<(), String> {
        self.with(id, |session| {
            session.writer.write_all(data.as_bytes())?;
            session.writer.flush()
        })
    }

    pub fn resize(&self, id: u32, cols: u16, rows: u16) -> Result<(), String> {
        let size = size(cols, rows)?;
        let mut sessions = self.sessions.lock().map_err(|e| e.to_string())?;
        let session = sessions.get_mut(&id).ok_or_else(|| unknown(id))?;
        session.master.resize(size).map_err(|e| e.to_string())
    }

    pub fn kill(&self, id: u32) -> Result<(), String> {
        self.with(id, |session| session.killer.kill())
    }

    /// Ends every shell (the app quits).
    pub fn kill_all(&self) {
        if let Ok(mut sessions) = self.sessions.lock() {
            for session in sessions.values_mut() {
                let _ = session.killer.kill();
            }
        }
    }

    fn with(
        &self,
        id: u32,
        action: impl FnOnce(&mut Session) -> std::io::Result<()>,
    ) -> Result<(), String> {
        let mut sessions = self.sessions.lock().map_err(|e| e.to_string())?;
        let session = sessions.get_mut(&id).ok_or_else(|| unknown(id))?;
        action(session).map_err(|e| e.to_string())
    }
}

fn unknown(id: u32) -> String {
    format!("no terminal {id}")
}

/// Bytes to text, keeping a character split across two reads whole; invalid bytes become U+FFFD.
#[derive(Default)]
pub struct Utf8Stream {
    pending: Vec<u8>,
}

impl Utf8Stream {
    pub fn push(&mut self, bytes: &[u8]) -> String {
        self.pending.extend_from_slice(bytes);
        let mut text = String::new();
        loop {
            match std::str::from_utf8(&self.pending) {
                Ok(valid) => {
                    text.push_str(valid);
                    self.pending.clear();
                    return text;
                }
                Err(error) => {
                    let valid = error.valid_up_to();
                    text.push_str(&String::from_utf8_lossy(&self.pending[..valid]));
                    match error.error_len() {
                        None => {
                            self.pending.drain(..valid); // an incomplete character: wait for the rest
                            return text;
                        }
                        Some(bad) => {
                            text.push(char::REPLACEMENT_CHARACTER);
                            self.pending.drain(..valid + bad);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    #[derive(Debug)]
    enum Event {
        Output(PtyOutput),
        Exit(PtyExit),
    }

    struct Channel(Mutex<mpsc::Sender<Event>>);

    impl PtyEvents for Channel {
        fn output(&self, event: PtyOutput) {
            let _ = self.0.lock().unwrap().send(Event::Output(event));
        }
        fn exit(&self, event: PtyExit) {
            let _ = self.0.lock().unwrap().send(Event::Exit(event));
        }
    }

    fn terminals() -> (Terminals, mpsc::Receiver<Event>) {
        let (sender, receiver) = mpsc::channel();
        (
            Terminals::new(Arc::new(Channel(Mutex::new(sender)))),
            receiver,
        )
    }

    /// Collects output of terminal `id` until `done` says so or 10 s pass.
    fn read_until(
        receiver: &mpsc::Receiver<Event>,
        id: u32,
        done: impl Fn(&str, Option<i32>) -> bool,
    ) -> (String, Option<i32>) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let (mut text, mut code) = (String::new(), None);
        while !done(&text, code) {
            let left = deadline.saturating_duration_since(Instant::now());
            match receiver.recv_timeout(left) {
                Ok(Event::Output(out)) if out.id == id => text.push_str(&out.data),
                Ok(Event::Exit(exit)) if exit.id == id => code = Some(exit.code),
                Ok(_) => {}
                Err(_) => panic!("timed out; output so far: {text:?}"),
            }
        }
        (text, code)
    }

    #[test]
    fn runs_the_shell_and_reads_its_output_back() {
        let (terminals, events) = terminals();
        let id = terminals.spawn(80, 24).unwrap();
        // The marker is split so the echo of the typed line cannot match it.
        terminals.write(id, "echo panoramix-$((40+2))\n").unwrap();
        let (text, _) = read_until(&events, id, |text, _| text.contains("panoramix-42"));
        assert!(text.contains("panoramix-42"));
        terminals.write(id, "exit 3\n").unwrap();
        let (_, code) = read_until(&events, id, |_, code| code.is_some());
        assert_eq!(code, Some(3));
        assert!(terminals
            .write(id, "x")
            .unwrap_err()
            .contains("no terminal"));
    }

    #[test]
    fn starts_in_home_and_resizes() {
        let (terminals, events) = terminals();
        let id = terminals.spawn(80, 24).unwrap();
        terminals.resize(id, 132, 40).unwrap();
        terminals
            .write(id, "echo \"at:$(pwd):$(stty size)\"\n")
            .unwrap();
        let home = std::env::var("HOME").unwrap();
        let expected = format!("at:{home}:40 132");
        let (text, _) = read_until(&events, id, |text, _| text.contains(&expected));
        assert!(text.contains(&expected), "{text}");
        terminals.kill(id).unwrap();
        let (_, code) = read_until(&events, id, |_, code| code.is_some());
        assert!(code.is_some());
    }

    #[test]
    fn refuses_empty_sizes_and_unknown_ids() {
        let (terminals, _events) = terminals();
        assert!(terminals.spawn(0, 24).is_err());
        assert!(terminals
            .resize(999, 80, 24)
            .unwrap_err()
            .contains("no terminal 999"));
        assert!(terminals.kill(999).is_err());
    }

    #[test]
    fn shell_is_the_users_or_sh() {
        assert_eq!(user_shell(Some("/bin/bash".into())), "/bin/bash");
        assert_eq!(user_shell(Some("bash -c evil".into())), "/bin/sh");
        assert_eq!(user_shell(None), "/bin/sh");
    }

    #[test]
    fn utf8_split_across_reads_stays_whole() {
        let mut stream = Utf8Stream::default();
        let bytes = "é€".as_bytes(); // 2 + 3 bytes
        assert_eq!(stream.push(&bytes[..1]), "");
        assert_eq!(stream.push(&bytes[1..3]), "é");
        assert_eq!(stream.push(&bytes[3..]), "€");
        assert_eq!(stream.push(b"a\xffb"), "a\u{FFFD}b");
    }
}

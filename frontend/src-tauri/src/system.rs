//! The system panel's figures (memory, disks, the processes using most memory) through sysinfo.

use serde::Serialize;
use std::time::Duration;
use sysinfo::{
    Disks, ProcessRefreshKind, ProcessesToUpdate, RefreshKind, System, ThreadKind, UpdateKind,
};

pub const TOP_PROCESSES: usize = 10;

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Memory {
    pub total_bytes: u64,
    pub used_bytes: u64,
}

#[derive(Serialize, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Disk {
    pub mount: String,
    pub total_bytes: u64,
    pub available_bytes: u64,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Process {
    pub pid: u32,
    pub name: String,
    pub memory_bytes: u64,
    pub cpu_percent: f32,
}

#[derive(Serialize, Debug)]
pub struct SystemInfo {
    pub memory: Memory,
    pub disks: Vec<Disk>,
    pub processes: Vec<Process>,
}

/// The `count` processes using most memory, largest first.
pub fn top_by_memory(mut processes: Vec<Process>, count: usize) -> Vec<Process> {
    processes.sort_by(|a, b| b.memory_bytes.cmp(&a.memory_bytes).then(a.pid.cmp(&b.pid)));
    processes.truncate(count);
    processes
}

/// The processes of a refreshed `system`, each once.
fn processes(system: &System) -> Vec<Process> {
    system
        .processes()
        .iter()
        // On Linux sysinfo lists each thread beside its process, with the process's memory: a
        // many-threaded WebKit filled the panel with its own threads.
        .filter(|(_, process)| process.thread_kind() != Some(ThreadKind::Userland))
        .map(|(pid, process)| Process {
            pid: pid.as_u32(),
            // The executable's file name in full: the kernel's name stops at 15 characters.
            name: process
                .exe()
                .and_then(|exe| exe.file_name())
                .unwrap_or(process.name())
                .to_string_lossy()
                .into_owned(),
            memory_bytes: process.memory(),
            cpu_percent: process.cpu_usage(),
        })
        .collect()
}

/// The processes and memory, sampled twice about 200 ms apart, the interval CPU use is measured over.
fn sample() -> System {
    let processes = ProcessRefreshKind::nothing()
        .with_memory()
        .with_cpu()
        .with_exe(UpdateKind::OnlyIfNotSet);
    let mut system = System::new_with_specifics(RefreshKind::nothing().with_processes(processes));
    std::thread::sleep(Duration::from_millis(200).max(sysinfo::MINIMUM_CPU_UPDATE_INTERVAL));
    system.refresh_processes_specifics(ProcessesToUpdate::All, true, processes);
    system.refresh_memory();
    system
}

/// Reads the figures; blocks about 200 ms.
pub fn read() -> SystemInfo {
    let system = sample();
    let disks = Disks::new_with_refreshed_list()
        .list()
        .iter()
        .map(|disk| Disk {
            mount: disk.mount_point().to_string_lossy().into_owned(),
            total_bytes: disk.total_space(),
            available_bytes: disk.available_space(),
        })
        .collect();
    SystemInfo {
        memory: Memory {
            total_bytes: system.total_memory(),
            used_bytes: system.used_memory(),
        },
        disks,
        processes: top_by_memory(processes(&system), TOP_PROCESSES),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn process(pid: u32, memory_bytes: u64) -> Process {
        Process {
            pid,
            name: format!("p{pid}"),
            memory_bytes,
            cpu_percent: 0.0,
        }
    }

    #[test]
    fn keeps_the_largest_first() {
        let all = (1..=30)
            .map(|pid| process(pid, u64::from(pid % 7) * 1000 + u64::from(pid)))
            .collect();
        let top = top_by_memory(all, TOP_PROCESSES);
        assert_eq!(top.len(), TOP_PROCESSES);
        assert!(top
            .windows(2)
            .all(|pair| pair[0].memory_bytes >= pair[1].memory_bytes));
        assert_eq!(top[0].pid, 27); // 27 % 7 = 6: the most memory
    }

    #[test]
    fn lists_each_process_once_not_its_threads() {
        // Four threads of this process stay alive while it samples, then all five leave the barrier.
        let release = std::sync::Barrier::new(5);
        let me = std::process::id();
        let (listed, my_threads) = std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| release.wait());
            }
            let listed = processes(&sample());
            let my_threads: Vec<u32> = std::fs::read_dir("/proc/self/task")
                .unwrap()
                .filter_map(|task| task.ok()?.file_name().to_str()?.parse().ok())
                .filter(|&tid| tid != me)
                .collect();
            release.wait();
            (listed, my_threads)
        });

        assert!(my_threads.len() >= 4);
        assert_eq!(listed.iter().filter(|p| p.pid == me).count(), 1);
        assert!(!listed.iter().any(|p| my_threads.contains(&p.pid)));
        let mine = listed.iter().find(|p| p.pid == me).unwrap();
        let exe = std::env::current_exe().unwrap();
        assert!(mine.name.len() > 15); // the test binary's name, whole
        assert_eq!(mine.name, exe.file_name().unwrap().to_string_lossy());
    }

    #[test]
    fn reads_this_machine() {
        let info = read();
        assert!(info.memory.total_bytes > 0);
        assert!(info.memory.used_bytes <= info.memory.total_bytes);
        assert!(!info.processes.is_empty() && info.processes.len() <= TOP_PROCESSES);
        let json = serde_json::to_value(&info).unwrap();
        assert!(json["memory"]["totalBytes"].is_u64());
        assert!(json["processes"][0]["memoryBytes"].is_u64());
        assert!(json["processes"][0]["cpuPercent"].is_number());
    }
}

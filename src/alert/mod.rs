//! Alerts: deciding that an automatic escalation stage is due and recording it
//! (`escalator`), and delivering recorded escalations through sinks (`hook`:
//! a command such as an SMS gateway script). Consoles deliver the desktop
//! notification and the bell themselves, from the same escalation records.

pub mod escalator;
pub mod hook;

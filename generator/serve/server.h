// `jixiao serve`: the desk in the browser. A Poco::Net HTTP server that
// gives the page (embedded in the binary: serve/assets, Chinese first with
// an English switch) and runs what is uploaded through the commands
// (process_upload.h, commands/init.h), inputs held in memory, the language
// per request. Every request passes the guard (http_guard.h); uploads are
// held to UploadLimits; results live in a private folder (job_store.h)
// until they expire or the server stops.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "serve/upload.h"

namespace jixiao {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;                       // 0: a free port, chosen by the system
  std::string data;                      // where the private folder is made; "": the temporary folder
  int keep_minutes = 60;                 // a job's files are deleted this long after its last use
  std::vector<std::string> allow_hosts;  // Host names besides the bound address (a reverse proxy's)
  int threads = 4;                       // requests served at once
  int queue = 64;                        // connections waiting for a thread; more are refused
  int timeout_seconds = 60;              // a connection silent this long is closed
  UploadLimits limits;
  std::string templates;                 // a folder of templates overriding the built-in ones
  // Each report also as report.pdf (render/pdf/convert_pdf.h; several
  // seconds a report). The server refuses to start without the converter.
  bool pdf = false;
  // The archive (sqlite:FILE, postgresql:CONNINFO; commands/archive_step.h):
  // every upload scored or reviewed is kept in it, last year's total shown
  // beside this year's, and the page gains 历史 (the four `history`
  // questions). Opened once at start, so a bad URL or a newer schema stops
  // the server; each request then opens its own connection. "": none.
  std::string db;
  Language language = Language::kChinese;  // of what the server prints
};

class Server {
 public:
  // Binds the socket and makes the private folder; throws std::runtime_error
  // with a message in `opt.language` when it cannot.
  explicit Server(const ServeOptions& opt);
  ~Server();  // Stop()
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  void Start();
  // Stops accepting, lets the requests under way finish, deletes every job.
  void Stop();
  int Port() const;
  std::string Url() const;  // "http://127.0.0.1:8080/"
  const std::string& Folder() const;  // the private folder
  std::size_t Jobs() const;
  std::size_t ExpireNow();  // what the expiry thread does every minute; for tests

  struct Impl;  // server.cpp's; named here so its request handlers can reach it

 private:
  std::unique_ptr<Impl> impl_;
};

// The command: blocks SIGINT and SIGTERM, starts the server, prints its
// address (and a warning for an address other than loopback) to `out`,
// waits for one of the signals and stops cleanly. The exit status.
int RunServe(const ServeOptions& opt, std::ostream& out, std::ostream& err);

}  // namespace jixiao

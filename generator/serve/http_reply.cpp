#include "serve/http_reply.h"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "render/render.h"

namespace fs = std::filesystem;
using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerResponse;

namespace jixiao {

std::string ContentTypeOf(const std::string& name) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".md", "text/markdown; charset=utf-8"},
      {".yaml", "text/yaml; charset=utf-8"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {".pdf", "application/pdf"},
      {".zip", "application/zip"},
      {".json", "application/json; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
  };
  auto it = types.find(fs::path(name).extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

std::string Disposition(const std::string& kind, const std::string& name) {
  std::string ascii, encoded;
  for (unsigned char c : name) {
    ascii += (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') encoded += static_cast<char>(c);
    else encoded += fmt::format("%{:02X}", c);
  }
  return fmt::format("{}; filename=\"{}\"; filename*=UTF-8''{}", kind, ascii, encoded);
}

void Send(HTTPServerResponse& resp, HTTPResponse::HTTPStatus status, const std::string& type, const std::string& body) {
  resp.setStatus(status);
  resp.setContentType(type);
  resp.setContentLength(static_cast<std::streamsize>(body.size()));
  resp.send() << body;
}

void SendJson(HTTPServerResponse& resp, const std::string& body, HTTPResponse::HTTPStatus status) {
  Send(resp, status, "application/json; charset=utf-8", body);
}

void SendError(HTTPServerResponse& resp, HTTPResponse::HTTPStatus status, const Text& text, Language lang) {
  SendJson(resp, fmt::format("{{\"error\": {}}}\n", JsonString(Pick(text, lang))), status);
}

void SendStoredFile(HTTPServerResponse& resp, const std::string& path, const std::string& name, bool inline_view) {
  const bool html = fs::path(name).extension() == ".html";
  const bool view = inline_view && (html || fs::path(name).extension() == ".md");
  if (view) resp.set("Content-Security-Policy", kResultPolicy);
  resp.set("Content-Disposition", Disposition(view ? "inline" : "attachment", name));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string type = view && !html ? "text/plain; charset=utf-8" : ContentTypeOf(name);
  Send(resp, HTTPResponse::HTTP_OK, type, bytes.str());
}

}  // namespace jixiao

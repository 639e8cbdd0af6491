// report.pdf from report.docx, through LibreOffice's UNO bridge (Debian's
// unoconv with python3-uno), which fills the TOC field with page numbers
// before it exports — a plain `soffice --convert-to pdf` leaves the 目录
// without them. The PDF is then the Word deliverable page for page: the same
// unnumbered cover, TOC, "— 1 —" footers and landscape 附件1, the fonts
// embedded. Chromium from report.html was the other choice: it starts in
// 8–15 s, has no TOC page numbers (no target-counter) and embeds Noto CJK as
// Type 3 fonts; docs/architecture.md has the measurements.
//
// The Windows font names the .docx uses (仿宋, 黑体, 楷体, 宋体, 方正小标宋)
// are mapped for the conversion alone, through a private fontconfig file, to
// the Debian faces: Noto Serif CJK SC, Noto Sans CJK SC and AR PL UKai.
#pragma once

#include <string>
#include <vector>

namespace jixiao {

// Throws InputError (pdf-converter-missing, naming the packages) unless the
// converter is installed: unoconv, python3-uno and LibreOffice Writer.
void RequirePdfConverter();

// Converts each .docx to the .pdf of the same stem beside it, all in one
// LibreOffice process, within `timeout_seconds`. Throws InputError
// (pdf-conversion-failed: what LibreOffice printed) when a PDF is missing.
void ConvertDocxToPdf(const std::vector<std::string>& docx, double timeout_seconds = 300);

}  // namespace jixiao

// report.docx: the rendered report (its Markdown, the same text the .md and
// .html carry) as a WordprocessingML package in the 公文 manner (GB/T 9704):
// a cover without a page number, a TOC field Word and WPS fill on opening
// (two levels and the 附件), "— 1 —" page numbers, headings 黑体/楷体,
// body 仿宋 三号 on fixed 28 pt lines with a two-character indent, tables
// 宋体 with full borders and repeated header rows, each 附件 on a new page
// and a wide one in a landscape section. Written with Poco's Zip; no docx
// library is packaged.
#pragma once

#include <string>

namespace jixiao {

// The .docx package's bytes for a report's Markdown. With `reference_styles`
// (a styles.xml from ReadReferenceStyles), the report takes its styles from
// it: each of jixiao's styles is matched by its name (heading 1, toc 1,
// Title, 正文, 表格文字 …), so the ids a localized Word gives them on saving
// ("1" for heading 1) are followed; a style the reference lacks is added.
std::string RenderDocx(const std::string& markdown, const std::string* reference_styles = nullptr);

// word/styles.xml of a reference .docx a firm restyled in Word or WPS (any
// report.docx jixiao wrote is one to start from). Throws InputError
// (reference-docx-invalid) naming the file when it is not a .docx with styles.
std::string ReadReferenceStyles(const std::string& path);

}  // namespace jixiao

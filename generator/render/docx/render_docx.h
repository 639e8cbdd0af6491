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

// The .docx package's bytes for a report's Markdown.
std::string RenderDocx(const std::string& markdown);

}  // namespace jixiao

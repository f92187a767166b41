"""Write a Word file (a story about 高新技术企业) and a web page (one about 崇礼) to check a bundle's importers.

Usage: python packaging/smoke_files.py FOLDER

The self-test reads only the bundled text pages; these two exercise python-docx, trafilatura and
the data files they read, which a bundle can lack while the self-test passes. Needs python-docx.
"""

from __future__ import annotations

import sys
from pathlib import Path

# (title, paragraphs): one story for each file, so that each file's import can be searched for on its own.
WORD_STORY = ("河北高新技术企业突破1.3万家", [
    "本报讯（记者 王璐）今年以来，我省深入实施创新驱动发展战略，全省高新技术企业达到1.3万家，比上年增长12.5%。",
    "省科技厅有关负责人介绍，全省研发经费投入强度达到2.1%，技术合同成交额突破1200亿元。",
])
WEB_STORY = ("张家口冰雪产业营业收入达120亿元", [
    "本报讯（记者 李明）张家口市加快发展冰雪产业，全市冰雪产业营业收入达到120亿元，同比增长18.6%，带动就业3.2万人。",
    "崇礼区新建滑雪场3家，接待游客450万人次，冰雪装备制造企业达到42家。",
])
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_河北新闻网</title></head><body>
<nav><a href="/">首页</a> <a href="/news">新闻中心</a></nav>
<div class="article"><h1>{title}</h1><div class="info">来源：河北日报　发布时间：2024-03-05 09:30</div>
{paragraphs}
</div><footer>版权所有 河北新闻网</footer></body></html>
"""


def main(folder: str) -> int:
    import docx

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    title, paragraphs = WORD_STORY
    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(out / "smoke.docx")
    title, paragraphs = WEB_STORY
    (out / "smoke.html").write_text(
        PAGE.format(title=title, paragraphs="\n".join(f"<p>{p}</p>" for p in paragraphs)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    sys.exit(main(sys.argv[1]))

"""Write the input files of tests/test_read.py: ``python tests/data/read/make_files.py``.

The files are committed; this script says how each was made (which bytes, which encoding),
since an encoding cannot be seen in an editor. Their content is invented, in the style of the
web editions the corpus comes from.
"""

from __future__ import annotations

import codecs
from pathlib import Path

HERE = Path(__file__).resolve().parent

# A short Russian letter, as the Russian pages print one.
LETTER_RU = (
    "Письмо Г.К. Орджоникидзе\n"
    "\n"
    "12 мая 1921 г.\n"
    "\n"
    "Дорогой Серго!\n"
    "\n"
    "Получил твою записку. Хлеб отправим на этой неделе, как договорились.\n"
    "\n"
    "Крепко жму руку.\n"
    "\n"
    "Ваш Сталин.\n"
)

# The same kind of letter with what the reader must keep as it is: no-break spaces, a run of
# blank lines, spaces at line ends, a literal tag, a Windows line end.
LETTER_RU_ODD = (
    "Письмо\xa0В.И.\xa0Ленину\n"
    "\n\n\n"
    "31 августа 1918 года   \n"
    "Дорогой Владимир Ильич!<br>\r\n"
    "\xa0\n"
    "Ваш Сталин.\n"
)

# A German and French note in a Western code page: no Cyrillic at all.
LETTER_LATIN = "Lieber Genosse! Der Brief über die Lage in München kam spät.\nÀ bientôt, chère amie — à Zürich.\n"

# Russian text that was UTF-8, read once as cp1251 (or as cp1252) and saved again as UTF-8.
MOJIBAKE_SOURCE = "Письмо И.В. Сталина\n\nДорогой Владимир Ильич!\n\nThe English part stays as it is.\n"

PAGE_EN = """\
<html>

<head>
<meta http-equiv="Content-Language" content="en-us">
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<meta name="GENERATOR" content="Microsoft FrontPage 4.0">
<title>to Ordzhonikidze from Nazaretyan</title>
<style>
<!--
p { font-family: Times New Roman }
-->
</style>
</head>

<body bgcolor="#FFFFFF">

<p align="center"><font size="2"><a href="../../Marx-Engels/index.htm">Marx-Engels</a> |&nbsp;
<a href="../../Lenin/index.htm">Lenin</a>&nbsp; | <a href="../index.htm">Stalin</a> |&nbsp;
<a href="../../index.htm">Home Page</a></font></p>

<p align="center"><b><font size="4">&nbsp;Bolshevik leadership Correspondence. 1912-1927</font></b><br>
Collection of documents 1996.</p>

<p align="center">Compiled by: A.V.Kvashonkin, L.P.Kosheleva, L.A.Rogovaya, O.V.Khlevnyuk.</p>
<p>&nbsp;</p>

<h3 align="center">No. 158</h3>
<h3 align="center">A. M. Nazaretyan — G. K. Ordzhonikidze</h3>
<p align="right"><i>June 20, 1922</i></p>
<p>Dear Sergo!</p>
<p>This week was quieter than the last, and I can at last write to you at length. The
work in the Secretariat goes on as before<sup>1</sup>; Koba sends his regards.</p>
<p>Yours, <b>Amayak</b></p>
<p><font size="2">RTSKHIDNI. F. 85. Op. 24. D. 150. L. 3-4. Autograph.</font></p>
<p><b>Notes:</b></p>
<p>1 See note 2 to document No. 157.</p>
<script language="JavaScript">
<!--
document.write("<p>visitor counter</p>");
// -->
</script>
<!-- footer: the same bar again -->
<p align="center"><a href="../../Marx-Engels/index.htm">Marx-Engels</a> |&nbsp;
<a href="../../Lenin/index.htm">Lenin</a>&nbsp; | <a href="../index.htm">Stalin</a> |&nbsp;
<a href="../../index.htm">Home Page</a></p>
</body>

</html>
"""

PAGE_RU = """\
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Сталин — Кагановичу 2 июля 1932 г.</title>
</head>
<body>
<p align="center"><font size="2">Библиотека Михаила Грачева</font></p>
<p>&nbsp;</p>
<table border="0" width="100%">
<tr>
<td><a href="prev.htm">Предыдущая<br>публикация</a></td>
<td><a href="index.htm">Алфавитный указатель<br>сочинений И.В. Сталина</a></td>
</tr>
</table>
<p>&nbsp;</p>
<table border="0" width="100%">
<tr>
<td><a href="toc.htm">Оглавление тома 17<br>сочинений И.В. Сталина</a></td>
<td><a href="next.htm">Следующая<br>публикация</a></td>
</tr>
</table>
<h2 align="center">Сталин — Кагановичу</h2>
<p align="center">2 июля 1932 г.</p>
<p>Здравствуйте, Лазарь!</p>
<p>Письмо получил. С решением о хлебозаготовках согласен&nbsp;— нужно только
ускорить отгрузку.</p>
<p>Привет! <b>И.&nbsp;Сталин</b></p>
<p><font size="2">РГАСПИ. Ф. 81. Оп. 3. Д. 99. Л. 1. Автограф.</font></p>
</body>
</html>
"""

# A UTF-8 page of today's kind: a <nav>, a script, a style, an entity soup, a <pre>.
PAGE_UTF8 = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Letters &amp; telegrams</title>
<style>body { margin: 0 }</style>
<script src="site.js"></script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/letters">Letters</a></nav>
<div role="navigation">Previous | Next</div>
<h1>Telegram from K.&nbsp;E.&nbsp;Voroshilov</h1>
<p>ARZAMAS, MILITARY   REVIEW
   COUNCIL OF THE REPUBLIC.<br>MOSCOW, KREMLIN, CEC TO STALIN.</p>
<p>A literal tag as printed: &lt;br&gt; and &#8220;quotes&#8221; &mdash; kept.</p>
<!-- <p>a commented-out paragraph</p> -->
<pre>
F.  5.
Op. 5.</pre>
<ul><li>first item</li><li>second item</li></ul>
</body>
</html>
"""


def write(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def main() -> None:
    write("letter_utf8.txt", LETTER_RU.encode("utf-8"))
    write("letter_utf8_bom.txt", codecs.BOM_UTF8 + LETTER_RU.encode("utf-8"))
    write("letter_cp1251.txt", LETTER_RU.encode("cp1251"))
    write("letter_koi8r.txt", LETTER_RU.encode("koi8-r"))
    write("letter_odd.txt", LETTER_RU_ODD.encode("utf-8"))
    write("letter_latin.txt", LETTER_LATIN.encode("cp1252"))
    # Windows' own decoders keep the bytes cp1251 and cp1252 leave undefined (И is D0 98).
    import ftfy.bad_codecs  # noqa: F401  registers the "sloppy" codecs that do the same

    write("mojibake_cp1251.txt", MOJIBAKE_SOURCE.encode("utf-8").decode("sloppy-windows-1251").encode("utf-8"))
    write("mojibake_cp1252.txt", MOJIBAKE_SOURCE.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8"))
    write("page_en.htm", PAGE_EN.encode("cp1252"))
    write("page_ru.htm", PAGE_RU.encode("cp1251"))
    write("page_utf8.html", PAGE_UTF8.encode("utf-8"))
    # An HTML page saved with a .txt name: recognised by its first bytes.
    write("page_saved_as.txt", PAGE_UTF8.encode("utf-8"))
    write("empty.txt", b"")
    write("blank.txt", b"  \n\n\t \r\n")
    write("picture.txt", bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)))
    write("controls.txt", bytes([0x01, 0x02, 0x1B, 0x07, 0x41]) * 40)


if __name__ == "__main__":
    main()

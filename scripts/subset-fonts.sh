#!/usr/bin/env bash
# Rebuilds static/fonts from Debian's DejaVu Sans, subset to the scripts the PDF must print
# (Latin incl. Vietnamese, Greek, Cyrillic, punctuation, arrows, shapes and common symbols).
# Needs: apt-get install fonts-dejavu-core fonttools
set -euo pipefail
cd "$(dirname "$0")/.."
ranges="U+0020-007E,U+00A0-024F,U+0259,U+02B0-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2500-25FF,U+2600-26FF,U+2700-27BF,U+FB00-FB06,U+FFFD"
for font in DejaVuSans DejaVuSans-Bold; do
	pyftsubset "/usr/share/fonts/truetype/dejavu/$font.ttf" --unicodes="$ranges" \
		--layout-features='kern,liga' --no-hinting --desubroutinize --output-file="static/fonts/$font.ttf"
done
cp /usr/share/doc/fonts-dejavu-core/copyright static/fonts/DejaVu-LICENSE.txt

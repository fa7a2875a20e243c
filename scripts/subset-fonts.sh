#!/usr/bin/env bash
# Rebuilds static/fonts from Debian's DejaVu Sans in two sets:
# - latin: Latin, Latin Extended (with Vietnamese), punctuation and the few symbols the report uses.
#   Always used, and the only set cached for offline use (under 150 KiB for both weights).
# - wide: also Greek, Cyrillic, arrows, shapes and common symbols. Fetched only when the text of a
#   report needs a character the latin set lacks.
# Needs: apt-get install fonts-dejavu-core fonttools
set -euo pipefail
cd "$(dirname "$0")/.."
latin="U+0020-007E,U+00A0-024F,U+0259,U+02B0-02FF,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-2122,U+2190-2193,U+2212,U+25A0-25A1,U+FB00-FB06,U+FFFD"
wide="$latin,U+0370-03FF,U+0400-052F,U+2100-214F,U+2190-21FF,U+2200-22FF,U+2500-25FF,U+2600-26FF,U+2700-27BF"
for font in DejaVuSans DejaVuSans-Bold; do
	for set in latin wide; do
		ranges=$([ "$set" = latin ] && echo "$latin" || echo "$wide")
		pyftsubset "/usr/share/fonts/truetype/dejavu/$font.ttf" --unicodes="$ranges" \
			--layout-features='kern,liga' --no-hinting --desubroutinize --output-file="static/fonts/$font-$set.ttf"
	done
done
cp /usr/share/doc/fonts-dejavu-core/copyright static/fonts/DejaVu-LICENSE.txt

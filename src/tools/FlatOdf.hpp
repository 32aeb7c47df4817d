// A flat ODF document (.fodt: one XML file, kept as text in the repository so that changes can
// be reviewed in a diff) turned into an ODF package (.ott/.odt: a zip), without LibreOffice.
#pragma once

#include <string>

namespace aa
{
/// The package for a flat ODF document: mimetype (from the root's office:mimetype), content.xml
/// (automatic styles and body), styles.xml (font faces, styles, master styles), meta.xml and the
/// manifest. The flat document's root must declare every namespace its parts use. Throws
/// InputError when the text is not a flat ODF document (no office:document root or no body).
std::string packageFromFlatOdf(const std::string& flat);
} // namespace aa

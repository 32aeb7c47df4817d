# Turns a resource file into a C++ function returning its bytes.
# Usage: cmake -DINPUT=file -DOUTPUT=file.cpp -DFUNCTION=name -P Embed.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" length)
math(EXPR size "${length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/Embed.cmake. Do not edit.\n"
"#include \"EmbeddedResources.hpp\"\n"
"namespace aa\n{\nnamespace\n{\nconst char data[] = { ${bytes} 0 };\n}\n"
"std::string_view ${FUNCTION}() { return std::string_view(data, ${size}); }\n"
"} // namespace aa\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")

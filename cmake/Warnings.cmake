# aa_set_warnings(target): the project's warning set, errors when AA_WARNINGS_AS_ERRORS is on.
# One set for every target, the core and the UNO glue alike: LibreOffice's and the generated UNO
# headers, spdlog, Boost and GoogleTest are included as SYSTEM headers (src/glue/CMakeLists.txt,
# imported targets), so their warnings are not ours.
function(aa_set_warnings target)
    if(MSVC)
        # Not built yet (docs/platforms.md): MSVC's counterpart of the set below.
        target_compile_options(${target} PRIVATE /W4 /permissive- $<$<BOOL:${AA_WARNINGS_AS_ERRORS}>:/WX>)
        return()
    endif()
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
        -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wpedantic -Wnull-dereference
        -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
    if(AA_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

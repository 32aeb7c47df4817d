# No operating-system call outside the places for them (src/client/PlatformPosix.cpp behind
# Platform.hpp for the client and tools; src/glue/MainThreadPosix.cpp behind MainThread.hpp for the
# component): the sources of the core, the extension, the client, the tools and the tests must
# build for Windows too (docs/platforms.md). bench/ is Linux only (it reads /proc) and not checked.
# cmake -DSOURCE_DIR=... -P PortableSourcesTest.cmake
cmake_minimum_required(VERSION 3.25)
set(calls fork|vfork|exec[lv]p?e?|waitpid|wait|kill|setenv|unsetenv|putenv|getpid|getppid|popen|pclose|sysconf
          |dlopen|dlsym|dladdr|mkdtemp|mkstemp|pipe|setpgid|setsid|sigaction|WIFEXITED|WEXITSTATUS|usleep)
string(REGEX REPLACE "[ \n]" "" calls "${calls}")
set(call_pattern "(^|[^A-Za-z0-9_.>])(::)?(${calls})[ ]*\\(")
set(include_pattern "#[ ]*include[ ]*<(unistd\\.h|dlfcn\\.h|signal\\.h|csignal|spawn\\.h|sys/[a-z_]+\\.h)>")
set(path_pattern "\"/(tmp|proc|usr|etc|var)/")
# Our own member functions of the same names (Child::kill, Office::kill) are declared, not called.
set(declaration_pattern "(void|bool|int)[ ]+(${calls})[ ]*\\(")

file(GLOB_RECURSE sources LIST_DIRECTORIES false
     "${SOURCE_DIR}/src/*.cpp" "${SOURCE_DIR}/src/*.hpp" "${SOURCE_DIR}/src/*.cxx" "${SOURCE_DIR}/src/*.hxx"
     "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.hpp" "${SOURCE_DIR}/tests/*.cxx" "${SOURCE_DIR}/tests/*.hxx"
     "${SOURCE_DIR}/fuzz/*.cpp" "${SOURCE_DIR}/fuzz/*.cxx")
list(FILTER sources EXCLUDE REGEX "/src/client/PlatformPosix\\.cpp$")
list(FILTER sources EXCLUDE REGEX "/src/glue/MainThreadPosix\\.cpp$")
set(found)
foreach(file IN LISTS sources)
    # One list element per line: ';' and brackets would split or join CMake list elements.
    file(READ "${file}" content)
    string(REPLACE ";" "<semicolon>" content "${content}")
    string(REPLACE "[" "<open>" content "${content}")
    string(REPLACE "]" "<close>" content "${content}")
    string(REPLACE "\n" ";" lines "${content}")
    set(number 0)
    foreach(line IN LISTS lines)
        math(EXPR number "${number} + 1")
        string(REGEX REPLACE "^[ ]*//.*" "" code "${line}")
        if(code MATCHES "${declaration_pattern}")
            continue()
        endif()
        if(code MATCHES "${call_pattern}" OR code MATCHES "${include_pattern}" OR code MATCHES "${path_pattern}")
            file(RELATIVE_PATH relative "${SOURCE_DIR}" "${file}")
            string(STRIP "${line}" line)
            list(APPEND found "${relative}:${number}: ${line}")
        endif()
    endforeach()
endforeach()
list(LENGTH sources count)
if(found)
    list(JOIN found "\n  " text)
    string(REPLACE "<semicolon>" ";" text "${text}")
    string(REPLACE "<open>" "[" text "${text}")
    string(REPLACE "<close>" "]" text "${text}")
    message(FATAL_ERROR "Operating-system calls outside src/client/PlatformPosix.cpp and "
                        "src/glue/MainThreadPosix.cpp (put them behind src/client/Platform.hpp, or for the "
                        "component src/glue/MainThread.hpp):\n  ${text}")
endif()
message(STATUS "${count} source files: no operating-system call outside the platform files")

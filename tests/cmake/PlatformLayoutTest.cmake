# cmake/Platform.cmake against fake LibreOffice SDK and office layouts for every platform we plan
# to build for: a complete layout gives the platform's facts (component file name, UNO
# environment, definitions); an incomplete one fails with a message naming what is missing, not
# with a CMake error from deep inside the build. Also configures the whole project with a broken
# OO_SDK_HOME. Runs on any host: cmake -DSOURCE_DIR=... -DWORK_DIR=... -P PlatformLayoutTest.cmake
cmake_minimum_required(VERSION 3.25)
set(failures 0)

# layout(<root> <platform>): an SDK in <root>/sdk and an office in <root>/office for platform.
function(make_layout root platform)
    file(REMOVE_RECURSE "${root}")
    if(platform MATCHES "^windows_")
        set(files sdk/bin/cppumaker.exe sdk/include/sal/config.h sdk/lib/icppuhelper.lib sdk/lib/icppu.lib
            sdk/lib/isal.lib sdk/lib/isalhelper.lib office/program/types.rdb office/program/types/offapi.rdb)
    elseif(platform MATCHES "^macosx_")
        set(fw office/Contents/Frameworks)
        set(files sdk/bin/cppumaker sdk/include/sal/config.h ${fw}/libuno_cppuhelpergcc3.dylib.3
            ${fw}/libuno_cppu.dylib.3 ${fw}/libuno_sal.dylib.3 ${fw}/libuno_salhelpergcc3.dylib.3
            office/Contents/Resources/types.rdb office/Contents/Resources/types/offapi.rdb)
    else()
        set(files sdk/bin/cppumaker sdk/include/sal/config.h sdk/lib/libuno_cppuhelpergcc3.so
            sdk/lib/libuno_cppu.so sdk/lib/libuno_sal.so sdk/lib/libuno_salhelpergcc3.so
            office/program/types.rdb office/program/types/offapi.rdb)
    endif()
    foreach(f IN LISTS files)
        file(WRITE "${root}/${f}" "")
    endforeach()
endfunction()

# check(<name> <expect: ok|fail> <must-contain> <args...>): runs Platform.cmake as a script.
function(check name expect needle)
    execute_process(
        COMMAND ${CMAKE_COMMAND} -E env --unset=OO_SDK_HOME --unset=AA_LIBREOFFICE_DIR --unset=OFFICE_HOME
                ${CMAKE_COMMAND} ${ARGN} -P "${SOURCE_DIR}/cmake/Platform.cmake"
        RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    set(all "${out}${err}")
    set(ok TRUE)
    if(expect STREQUAL "ok" AND NOT result EQUAL 0)
        set(ok FALSE)
    elseif(expect STREQUAL "fail" AND result EQUAL 0)
        set(ok FALSE)
    endif()
    string(FIND "${all}" "${needle}" at)
    if(at EQUAL -1)
        set(ok FALSE)
    endif()
    if(ok)
        message(STATUS "ok: ${name}")
    else()
        message(STATUS "FAILED: ${name}: expected ${expect} and \"${needle}\"; got exit ${result}:\n${all}")
        math(EXPR n "${failures} + 1")
        set(failures ${n} PARENT_SCOPE)
    endif()
endfunction()

foreach(platform IN ITEMS linux_x86_64 windows_x86_64 macosx_x86_64 macosx_aarch64)
    set(root "${WORK_DIR}/${platform}")
    make_layout("${root}" ${platform})
    set(args -DAA_PLATFORM=${platform} "-DOO_SDK_HOME=${root}/sdk" "-DAA_LIBREOFFICE_DIR=${root}/office")
    if(platform MATCHES "^windows_")
        check("${platform}: complete layout" ok "AA_COMPONENT_FILE=assessmentanalysis.dll" ${args})
        check("${platform}: the msvc ABI" ok "AA_UNO_DEFINITIONS=WNT;WIN32;CPPU_ENV=mscx" ${args})
        file(REMOVE "${root}/sdk/bin/cppumaker.exe")
        check("${platform}: no cppumaker" fail "OO_SDK_HOME=${root}/sdk has no bin/cppumaker.exe" ${args})
        file(REMOVE "${root}/sdk/lib/isal.lib")
        check("${platform}: everything missing is named" fail "OO_SDK_HOME=${root}/sdk has no lib/isal.lib" ${args})
    elseif(platform MATCHES "^macosx_")
        check("${platform}: complete layout" ok "AA_COMPONENT_FILE=libassessmentanalysis.dylib" ${args})
        check("${platform}: the gcc3 ABI" ok "AA_UNO_DEFINITIONS=MACOSX;UNX;CPPU_ENV=gcc3" ${args})
        check("${platform}: the program folder" ok "AA_OFFICE_PROGRAM_DIR=${root}/office/Contents/MacOS" ${args})
        check("${platform}: no SDK given" fail "OO_SDK_HOME is not set" -DAA_PLATFORM=${platform}
              "-DAA_LIBREOFFICE_DIR=${root}/office")
        file(REMOVE "${root}/office/Contents/Resources/types/offapi.rdb")
        check("${platform}: no offapi.rdb" fail
              "AA_LIBREOFFICE_DIR=${root}/office has no Contents/Resources/types/offapi.rdb" ${args})
    else()
        check("${platform}: complete layout" ok "AA_COMPONENT_FILE=libassessmentanalysis.so" ${args})
        check("${platform}: the gcc3 ABI" ok "AA_UNO_ENVIRONMENT=gcc3" ${args})
        check("${platform}: SDK defaults to the office's sdk/" fail "OO_SDK_HOME=${root}/office/sdk is not a folder"
              -DAA_PLATFORM=${platform} "-DAA_LIBREOFFICE_DIR=${root}/office")
    endif()
endforeach()
check("an unknown platform" fail "AA_PLATFORM=solaris_sparc is not one of" -DAA_PLATFORM=solaris_sparc)

# The whole project, configured for this host with an SDK that lacks cppumaker: the message names
# it, before any compiler or package check.
set(root "${WORK_DIR}/configure")
make_layout("${root}" linux_x86_64)
file(REMOVE "${root}/sdk/bin/cppumaker")
execute_process(
    COMMAND ${CMAKE_COMMAND} -E env --unset=OO_SDK_HOME --unset=AA_LIBREOFFICE_DIR
            ${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${root}/build" "-DOO_SDK_HOME=${root}/sdk"
            "-DAA_LIBREOFFICE_DIR=${root}/office"
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(FIND "${out}${err}" "OO_SDK_HOME=${root}/sdk has no bin/cppumaker" at)
if(result EQUAL 0 OR at EQUAL -1)
    message(STATUS "FAILED: configuring with an SDK without cppumaker: exit ${result}:\n${out}${err}")
    math(EXPR failures "${failures} + 1")
else()
    message(STATUS "ok: configuring the project with an SDK without cppumaker stops with a message naming it")
endif()

if(failures)
    message(FATAL_ERROR "${failures} platform layout checks failed")
endif()
message(STATUS "all platform layout checks passed")

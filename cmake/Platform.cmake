# Every platform-specific fact of the build, in one place: the extension's platform tag, where
# the LibreOffice SDK and the office are, the UNO C++ ABI ("environment"), the compile
# definitions and libraries UNO code needs, the component library's file name and link options.
# docs/platforms.md explains the values.
#
# Included from CMakeLists.txt, it describes the platform being built. Run as a script, it checks
# an SDK and office layout for any platform and prints what a build would use (the platform-layout
# test does this with fake layouts):
#   cmake -DAA_PLATFORM=windows_x86_64 -DOO_SDK_HOME=... -DAA_LIBREOFFICE_DIR=... -P cmake/Platform.cmake
#
# Inputs (cache variables, or the environment variables of the same name):
#   OO_SDK_HOME         the LibreOffice SDK (bin/cppumaker, include/, lib/); the name the SDK's
#                       own setsdkenv scripts use
#   AA_LIBREOFFICE_DIR  the LibreOffice installation (its program/ and type libraries); the SDK's
#                       OFFICE_HOME is taken when this is not set
# Outputs: AA_PLATFORM, AA_UNO_ENVIRONMENT, AA_UNO_DEFINITIONS, AA_UNO_INCLUDE_DIR,
#   AA_UNO_LIBRARIES, AA_CPPUMAKER, AA_TYPES_RDB, AA_OFFAPI_RDB, AA_OFFICE_PROGRAM_DIR,
#   AA_URE_LIBRARY_DIR, AA_COMPONENT_FILE, AA_COMPONENT_LINK_OPTIONS, AA_UNO_LINK_OPTIONS,
#   AA_UNO_EXE_LINK_OPTIONS, AA_CLIENT_PLATFORM_SOURCE (src/client's implementation of
#   Platform.hpp), AA_LINUX_ONLY_PARTS.

# The extension's name for a platform, as LibreOffice's Extension Manager spells it
# (description.xml's <platform value>, the manifest's platform=): linux_x86_64, windows_x86_64,
# macosx_x86_64, macosx_aarch64, ...
function(aa_platform_tag out system processor)
    string(TOLOWER "${processor}" cpu)
    if(cpu MATCHES "^(x86_64|amd64|x64)$")
        set(cpu x86_64)
    elseif(cpu MATCHES "^(aarch64|arm64)$")
        set(cpu aarch64)
    else()
        message(FATAL_ERROR "Unsupported processor '${processor}': LibreOffice extensions are built "
                            "here for x86_64 and aarch64 only.")
    endif()
    if(system STREQUAL "Linux")
        set(os linux)
    elseif(system STREQUAL "Windows")
        set(os windows)
    elseif(system STREQUAL "Darwin")
        set(os macosx)
    else()
        message(FATAL_ERROR "Unsupported system '${system}': Linux, Windows or macOS (Darwin).")
    endif()
    set(${out} "${os}_${cpu}" PARENT_SCOPE)
endfunction()

if(NOT AA_PLATFORM)
    set(processor "${CMAKE_SYSTEM_PROCESSOR}")
    if(APPLE AND CMAKE_OSX_ARCHITECTURES)
        list(LENGTH CMAKE_OSX_ARCHITECTURES count)
        if(NOT count EQUAL 1)
            message(FATAL_ERROR "CMAKE_OSX_ARCHITECTURES=${CMAKE_OSX_ARCHITECTURES}: build once per "
                                "architecture (one component library per platform in the .oxt).")
        endif()
        set(processor "${CMAKE_OSX_ARCHITECTURES}")
    endif()
    aa_platform_tag(AA_PLATFORM "${CMAKE_SYSTEM_NAME}" "${processor}")
endif()

# Defaults: Debian's packages on Linux, the official installers elsewhere.
if(AA_PLATFORM MATCHES "^linux_")
    set(office_default /usr/lib/libreoffice)
elseif(AA_PLATFORM MATCHES "^windows_")
    set(office_default "C:/Program Files/LibreOffice")
elseif(AA_PLATFORM MATCHES "^macosx_")
    set(office_default /Applications/LibreOffice.app)
else()
    message(FATAL_ERROR "AA_PLATFORM=${AA_PLATFORM} is not one of linux_*, windows_*, macosx_*.")
endif()
if(NOT AA_LIBREOFFICE_DIR)
    if(DEFINED ENV{AA_LIBREOFFICE_DIR})
        set(office_default "$ENV{AA_LIBREOFFICE_DIR}")
    elseif(DEFINED ENV{OFFICE_HOME})
        set(office_default "$ENV{OFFICE_HOME}")
    endif()
endif()
set(AA_LIBREOFFICE_DIR "${office_default}" CACHE PATH "LibreOffice installation (program/, type libraries)")
if(NOT OO_SDK_HOME AND DEFINED ENV{OO_SDK_HOME})
    set(OO_SDK_HOME "$ENV{OO_SDK_HOME}")
endif()
if(NOT OO_SDK_HOME AND NOT AA_PLATFORM MATCHES "^macosx_")
    # Debian's libreoffice-dev and the Windows SDK installer put the SDK in the office's sdk/.
    set(OO_SDK_HOME "${AA_LIBREOFFICE_DIR}/sdk")
endif()
set(OO_SDK_HOME "${OO_SDK_HOME}" CACHE PATH "LibreOffice SDK (bin/cppumaker, include/, lib/)")

set(sdk "${OO_SDK_HOME}")
set(office "${AA_LIBREOFFICE_DIR}")
if(AA_PLATFORM MATCHES "^linux_")
    set(AA_UNO_ENVIRONMENT gcc3)
    set(AA_UNO_DEFINITIONS LINUX UNX CPPU_ENV=gcc3)
    set(AA_OFFICE_PROGRAM_DIR "${office}/program")
    set(AA_URE_LIBRARY_DIR "${office}/program")
    set(AA_TYPES_RDB "${office}/program/types.rdb")
    set(AA_OFFAPI_RDB "${office}/program/types/offapi.rdb")
    set(AA_CPPUMAKER "${sdk}/bin/cppumaker")
    set(AA_UNO_LIBRARIES "${sdk}/lib/libuno_cppuhelpergcc3.so" "${sdk}/lib/libuno_cppu.so"
        "${sdk}/lib/libuno_sal.so" "${sdk}/lib/libuno_salhelpergcc3.so")
    set(AA_COMPONENT_FILE libassessmentanalysis.so)
    # Every symbol resolved at link time: a missing one fails the build, not unopkg.
    set(AA_COMPONENT_LINK_OPTIONS -Wl,-z,defs)
    # The UNO libraries' own dependencies are found at link time in the office's program/, and
    # executables find the UNO libraries there at run time.
    set(AA_UNO_LINK_OPTIONS -Wl,-rpath-link,${AA_URE_LIBRARY_DIR})
    set(AA_UNO_EXE_LINK_OPTIONS -Wl,-rpath,${AA_URE_LIBRARY_DIR})
    set(AA_CLIENT_PLATFORM_SOURCE PlatformPosix.cpp)
elseif(AA_PLATFORM MATCHES "^windows_")
    # LibreOffice for Windows is built with MSVC: its C++ UNO ABI is "mscx" (x86-64).
    set(AA_UNO_ENVIRONMENT mscx)
    set(AA_UNO_DEFINITIONS WNT WIN32 CPPU_ENV=mscx)
    set(AA_OFFICE_PROGRAM_DIR "${office}/program")
    set(AA_URE_LIBRARY_DIR "${office}/program")
    set(AA_TYPES_RDB "${office}/program/types.rdb")
    set(AA_OFFAPI_RDB "${office}/program/types/offapi.rdb")
    set(AA_CPPUMAKER "${sdk}/bin/cppumaker.exe")
    set(AA_UNO_LIBRARIES "${sdk}/lib/icppuhelper.lib" "${sdk}/lib/icppu.lib" "${sdk}/lib/isal.lib"
        "${sdk}/lib/isalhelper.lib")
    set(AA_COMPONENT_FILE assessmentanalysis.dll)
    set(AA_COMPONENT_LINK_OPTIONS)
    set(AA_UNO_LINK_OPTIONS)
    # Executables find the UNO DLLs through PATH (the office's program folder) at run time.
    set(AA_UNO_EXE_LINK_OPTIONS)
    # Not written yet: docs/platforms.md, "The client on Windows".
    set(AA_CLIENT_PLATFORM_SOURCE PlatformWindows.cpp)
else()
    # macOS: clang, the same C++ ABI name as gcc.
    set(AA_UNO_ENVIRONMENT gcc3)
    set(AA_UNO_DEFINITIONS MACOSX UNX CPPU_ENV=gcc3)
    set(AA_OFFICE_PROGRAM_DIR "${office}/Contents/MacOS")
    set(AA_URE_LIBRARY_DIR "${office}/Contents/Frameworks")
    set(AA_TYPES_RDB "${office}/Contents/Resources/types.rdb")
    set(AA_OFFAPI_RDB "${office}/Contents/Resources/types/offapi.rdb")
    set(AA_CPPUMAKER "${sdk}/bin/cppumaker")
    # The SDK links against the office's own libraries (its settings.mk: -L$(OO_SDK_URE_LIB_DIR)).
    set(AA_UNO_LIBRARIES "${AA_URE_LIBRARY_DIR}/libuno_cppuhelpergcc3.dylib.3"
        "${AA_URE_LIBRARY_DIR}/libuno_cppu.dylib.3" "${AA_URE_LIBRARY_DIR}/libuno_sal.dylib.3"
        "${AA_URE_LIBRARY_DIR}/libuno_salhelpergcc3.dylib.3")
    set(AA_COMPONENT_FILE libassessmentanalysis.dylib)
    set(AA_COMPONENT_LINK_OPTIONS -Wl,-undefined,error)
    set(AA_UNO_LINK_OPTIONS)
    set(AA_UNO_EXE_LINK_OPTIONS -Wl,-rpath,${AA_URE_LIBRARY_DIR})
    set(AA_CLIENT_PLATFORM_SOURCE PlatformPosix.cpp)
endif()
set(AA_UNO_INCLUDE_DIR "${sdk}/include")
# The benchmark (it reads /proc) and the integration tests written in bash (strace, unshare,
# Xvfb, poppler) are Linux only; writer-test and the tools are not.
if(AA_PLATFORM MATCHES "^linux_")
    set(AA_LINUX_ONLY_PARTS ON)
else()
    set(AA_LINUX_ONLY_PARTS OFF)
endif()

# What the build needs, checked up front with one message naming everything missing, instead of
# a failure deep in the build (or a CMake error about a find_program).
set(missing)
if(NOT OO_SDK_HOME)
    list(APPEND missing "OO_SDK_HOME is not set: the LibreOffice SDK for ${AA_PLATFORM} is a separate download on macOS")
elseif(NOT IS_DIRECTORY "${sdk}")
    list(APPEND missing "OO_SDK_HOME=${sdk} is not a folder (the LibreOffice SDK for ${AA_PLATFORM})")
else()
    foreach(file IN ITEMS "${AA_CPPUMAKER}" "${AA_UNO_INCLUDE_DIR}/sal/config.h")
        if(NOT EXISTS "${file}")
            file(RELATIVE_PATH relative "${sdk}" "${file}")
            list(APPEND missing "OO_SDK_HOME=${sdk} has no ${relative}")
        endif()
    endforeach()
endif()
if(NOT IS_DIRECTORY "${office}")
    list(APPEND missing "AA_LIBREOFFICE_DIR=${office} is not a folder (the LibreOffice installation for ${AA_PLATFORM})")
else()
    foreach(file IN LISTS AA_UNO_LIBRARIES ITEMS "${AA_TYPES_RDB}" "${AA_OFFAPI_RDB}")
        if(NOT EXISTS "${file}")
            string(FIND "${file}" "${sdk}/" at)
            if(at EQUAL 0)
                file(RELATIVE_PATH relative "${sdk}" "${file}")
                list(APPEND missing "OO_SDK_HOME=${sdk} has no ${relative}")
            else()
                file(RELATIVE_PATH relative "${office}" "${file}")
                list(APPEND missing "AA_LIBREOFFICE_DIR=${office} has no ${relative}")
            endif()
        endif()
    endforeach()
endif()
if(missing)
    list(REMOVE_DUPLICATES missing)
    list(JOIN missing "\n  " text)
    message(FATAL_ERROR "The LibreOffice SDK or office for ${AA_PLATFORM} is incomplete:\n  ${text}\n"
                        "Set OO_SDK_HOME to the LibreOffice SDK and AA_LIBREOFFICE_DIR to the office "
                        "(see docs/platforms.md).")
endif()

if(CMAKE_SCRIPT_MODE_FILE)
    foreach(name IN ITEMS AA_PLATFORM AA_UNO_ENVIRONMENT AA_UNO_DEFINITIONS AA_UNO_INCLUDE_DIR
                          AA_UNO_LIBRARIES AA_CPPUMAKER AA_TYPES_RDB AA_OFFAPI_RDB
                          AA_OFFICE_PROGRAM_DIR AA_URE_LIBRARY_DIR AA_COMPONENT_FILE
                          AA_CLIENT_PLATFORM_SOURCE)
        message(STATUS "${name}=${${name}}")
    endforeach()
else()
    message(STATUS "Building for ${AA_PLATFORM} (UNO environment ${AA_UNO_ENVIRONMENT}) with the "
                   "LibreOffice SDK in ${OO_SDK_HOME} and the office in ${AA_LIBREOFFICE_DIR}")
endif()

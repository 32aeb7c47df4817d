// A private, headless (or visible) LibreOffice driven over a UNO pipe: used by the integration
// tests, the main-job tool and the benchmark. Starts soffice on a fresh or given profile,
// installs the extension into it, and shuts it down.
#pragma once

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "Platform.hpp"

#include <string>
#include <vector>

namespace aa::client
{
/// The LibreOffice program folder every Office starts from and whose UNO types the client
/// bootstraps with: $AA_OFFICE_PROGRAM when set, else the build's LibreOffice (Debian's 7.4 in
/// /usr/lib/libreoffice/program). For another version than the build's, start the client with
/// that version's UNO libraries too (scripts/test.sh shows how; docs/platforms.md says why).
std::string officeProgramDir();

struct OfficeOptions
{
    std::string profileDir; ///< created if missing; one soffice per profile at a time
    std::string oxt;        ///< extension to install (empty: none)
    bool headless = true;
    /// After installing the extension, restart, so the office is exactly what a user gets after
    /// the restart the Extension Manager asks for. false: keep running, as a user who has not
    /// restarted yet.
    bool restartAfterInstall = true;
};

class Office
{
public:
    /// Starts soffice and connects; throws std::runtime_error with the reason on failure.
    explicit Office(const OfficeOptions& options);
    ~Office();
    Office(const Office&) = delete;
    Office& operator=(const Office&) = delete;

    const css::uno::Reference<css::uno::XComponentContext>& context() const { return m_xContext; }
    css::uno::Reference<css::frame::XDesktop2> desktop() const;

    /// Loads a document (hidden unless the office is visible).
    css::uno::Reference<css::lang::XComponent> load(const std::string& url, bool readOnly = false);
    css::uno::Reference<css::text::XTextDocument> newWriterDocument();

    /// Stores a copy of doc to url with the given filter ("writer8", "MS Word 2007 XML",
    /// "writer_pdf_Export").
    template <class I>
    static void storeTo(const css::uno::Reference<I>& doc, const std::string& url, const std::string& filter)
    {
        storeToImpl(css::uno::Reference<css::uno::XInterface>(doc, css::uno::UNO_QUERY), url, filter);
    }
    template <class I> static void close(const css::uno::Reference<I>& doc)
    {
        closeImpl(css::uno::Reference<css::uno::XInterface>(doc, css::uno::UNO_QUERY));
    }

    /// Calls org.assessmentanalysis.Analysis's execute with Command (and Document, Analysis or
    /// Count when given); returns the JSON it answers. UNO exceptions pass through.
    /// Extra arguments: (name, string value) pairs.
    using Extra = std::vector<std::pair<std::string, std::string>>;

    template <class I>
    std::string call(const std::string& command, const css::uno::Reference<I>& doc,
                     const std::string& analysisJson = {}, int count = 0, const Extra& extra = {})
    {
        return callImpl(command, css::uno::Reference<css::uno::XInterface>(doc, css::uno::UNO_QUERY), analysisJson,
                        count, extra);
    }
    std::string call(const std::string& command) { return callImpl(command, {}, {}, 0, {}); }

    /// Asks soffice to terminate, waits for it, kills it when it does not go.
    void shutdown();
    /// True while the soffice process runs.
    bool alive();
    /// Stops soffice at once, with everything it started, without waiting (for a Writer that
    /// hangs). Safe from another thread while this office's owner waits in a call to it.
    void kill() { m_process.kill(); }
    /// The id of the process started (LibreOffice's launcher, oosplash, whose child soffice.bin
    /// does the work: read memory use from that child), -1 when not running.
    aa::platform::Id pid() const { return m_process.id(); }

private:
    static void storeToImpl(const css::uno::Reference<css::uno::XInterface>& doc, const std::string& url,
                            const std::string& filter);
    static void closeImpl(const css::uno::Reference<css::uno::XInterface>& doc);
    std::string callImpl(const std::string& command, const css::uno::Reference<css::uno::XInterface>& doc,
                         const std::string& analysisJson, int count, const Extra& extra);
    void start();
    void installExtension(const std::string& oxt);

    OfficeOptions m_options;
    aa::platform::Child m_process;
    std::string m_pipe;
    css::uno::Reference<css::uno::XComponentContext> m_xContext;
};

/// file:// URL for an absolute or relative path.
std::string fileUrl(const std::string& path);
/// The message of a UNO exception, for test failure output.
std::string describe(const css::uno::Exception& e);
} // namespace aa::client

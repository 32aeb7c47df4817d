#include "Office.hxx"

#include "UnoString.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/deployment/ExtensionManager.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/task/XInteractionApprove.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/task/XJob.hpp>
#include <com/sun/star/ucb/XCommandEnvironment.hpp>
#include <com/sun/star/ucb/XProgressHandler.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase3.hxx>

#include <osl/file.hxx>
#include <rtl/bootstrap.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace aa::client
{
namespace
{
/// Approves every request and ignores progress: what unopkg does with --suppress-license.
class ApprovingEnvironment
    : public cppu::WeakImplHelper3<ucb::XCommandEnvironment, task::XInteractionHandler, ucb::XProgressHandler>
{
public:
    uno::Reference<task::XInteractionHandler> SAL_CALL getInteractionHandler() override { return this; }
    uno::Reference<ucb::XProgressHandler> SAL_CALL getProgressHandler() override { return this; }
    void SAL_CALL handle(const uno::Reference<task::XInteractionRequest>& xRequest) override
    {
        const auto aContinuations = xRequest->getContinuations();
        for (const auto& xContinuation : aContinuations)
        {
            uno::Reference<task::XInteractionApprove> xApprove(xContinuation, uno::UNO_QUERY);
            if (xApprove.is())
            {
                xApprove->select();
                return;
            }
        }
    }
    void SAL_CALL push(const uno::Any&) override {}
    void SAL_CALL update(const uno::Any&) override {}
    void SAL_CALL pop() override {}
};

uno::Sequence<beans::PropertyValue> props(std::initializer_list<std::pair<const char*, uno::Any>> list)
{
    uno::Sequence<beans::PropertyValue> aProps(static_cast<sal_Int32>(list.size()));
    sal_Int32 i = 0;
    for (const auto& [name, value] : list)
    {
        aProps[i].Name = OUString::createFromAscii(name);
        aProps[i].Value = value;
        ++i;
    }
    return aProps;
}

uno::Reference<uno::XComponentContext> localContext()
{
    static uno::Reference<uno::XComponentContext> xLocal = [] {
        // This process's UNO types must be those of the office it talks to: a 25.2 Writer
        // document offers types 7.4's type library does not hold (XDocumentRecovery2,
        // XContentControlsSupplier), and a bridge that meets one is disposed. The types come
        // from URE_BOOTSTRAP; the libraries that read them must be that office's too.
        namespace fs = std::filesystem;
        const std::string program = officeProgramDir();
        const std::string sal = aa::platform::libraryOf(reinterpret_cast<const void*>(&rtl_bootstrap_get));
        const fs::path libraries = fs::weakly_canonical(aa::platform::unoLibraryDir(program));
        if (!sal.empty() && fs::weakly_canonical(sal).parent_path() != libraries)
            throw std::runtime_error("this program runs with the UNO libraries in "
                                     + fs::path(sal).parent_path().string() + " but the office to start is " + program
                                     + " (AA_OFFICE_PROGRAM): put " + libraries.string() + " first in "
                                     + aa::platform::libraryPathVariable() + ", as scripts/test.sh does");
        aa::platform::setEnvironment("URE_BOOTSTRAP",
                                     "vnd.sun.star.pathname:" + aa::platform::unoBootstrapFile(program));
        return cppu::defaultBootstrap_InitialComponentContext();
    }();
    return xLocal;
}
} // namespace

std::string officeProgramDir()
{
    const char* dir = std::getenv("AA_OFFICE_PROGRAM");
    return dir && *dir ? std::string(dir) : std::string(AA_OFFICE_PROGRAM_DIR);
}

std::string fileUrl(const std::string& path)
{
    OUString aUrl;
    osl::FileBase::getFileURLFromSystemPath(fromUtf8(std::filesystem::absolute(path).lexically_normal().string()),
                                            aUrl);
    return toUtf8(aUrl);
}

std::string describe(const uno::Exception& e) { return toUtf8(e.Message); }

Office::Office(const OfficeOptions& options) : m_options(options)
{
    std::filesystem::create_directories(m_options.profileDir);
    start();
    if (!m_options.oxt.empty())
    {
        installExtension(m_options.oxt);
        // A freshly added component is usable at once, but configuration (menus, keys) is read
        // at start-up: restart so the office is exactly what a user gets after installing.
        if (m_options.restartAfterInstall)
        {
            shutdown();
            start();
        }
    }
}

Office::~Office()
{
    try
    {
        shutdown();
    }
    catch (...)
    {
    }
}

void Office::start()
{
    static std::atomic<int> counter = 0;
    m_pipe = "aa_" + std::to_string(aa::platform::currentId()) + "_" + std::to_string(++counter);
    const std::string profileUrl = fileUrl(m_options.profileDir);
    std::vector<std::string> args{ "--nologo",
                                   "--norestore",
                                   "--nodefault",
                                   "--nolockcheck",
                                   "--accept=pipe,name=" + m_pipe + ";urp;StarOffice.ComponentContext",
                                   "-env:UserInstallation=" + profileUrl };
    if (m_options.headless)
    {
        args.insert(args.begin(), "--headless");
        args.insert(args.begin() + 1, "--invisible");
    }
    // The office finds its own libraries and bootstrap file: what this process runs with for
    // its own UNO must not reach it (7.4's URE_BOOTSTRAP makes 25.2 abort at start).
    m_process = aa::platform::Child(aa::platform::sofficePath(officeProgramDir()), args,
                                    aa::platform::variablesNotForTheOffice());
    auto xResolver = bridge::UnoUrlResolver::create(localContext());
    const OUString aUrl = fromUtf8("uno:pipe,name=" + m_pipe + ";urp;StarOffice.ComponentContext");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (true)
    {
        try
        {
            m_xContext.set(xResolver->resolve(aUrl), uno::UNO_QUERY_THROW);
            return;
        }
        catch (const uno::Exception&)
        {
            if (!alive() || std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("soffice did not accept a connection on pipe " + m_pipe);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
}

void Office::installExtension(const std::string& oxt)
{
    auto xManager = deployment::ExtensionManager::get(m_xContext);
    uno::Reference<ucb::XCommandEnvironment> xEnv(new ApprovingEnvironment);
    // Requests with nothing to approve (unsatisfied dependencies, say) abort the installation
    // without an exception: a null package is the only sign.
    if (!xManager
             ->addExtension(fromUtf8(fileUrl(oxt)), uno::Sequence<beans::NamedValue>(), "user",
                            xManager->createAbortChannel(), xEnv)
             .is())
        throw std::runtime_error("LibreOffice refused to install " + oxt);
}

uno::Reference<frame::XDesktop2> Office::desktop() const { return frame::Desktop::create(m_xContext); }

uno::Reference<lang::XComponent> Office::load(const std::string& url, bool readOnly)
{
    auto xDoc = desktop()->loadComponentFromURL(
        fromUtf8(url), "_blank", 0,
        props({ { "Hidden", uno::Any(m_options.headless) }, { "ReadOnly", uno::Any(readOnly) } }));
    if (!xDoc.is())
        throw std::runtime_error("could not load " + url);
    return xDoc;
}

uno::Reference<text::XTextDocument> Office::newWriterDocument()
{
    return uno::Reference<text::XTextDocument>(load("private:factory/swriter"), uno::UNO_QUERY_THROW);
}

void Office::storeToImpl(const uno::Reference<uno::XInterface>& doc, const std::string& url, const std::string& filter)
{
    uno::Reference<frame::XStorable>(doc, uno::UNO_QUERY_THROW)
        ->storeToURL(fromUtf8(url),
                     props({ { "FilterName", uno::Any(fromUtf8(filter)) }, { "Overwrite", uno::Any(true) } }));
}

void Office::closeImpl(const uno::Reference<uno::XInterface>& doc)
{
    uno::Reference<util::XCloseable> xClose(doc, uno::UNO_QUERY);
    if (xClose.is())
        xClose->close(true);
    else if (uno::Reference<lang::XComponent> xComponent{ doc, uno::UNO_QUERY }; xComponent.is())
        xComponent->dispose();
}

std::string Office::callImpl(const std::string& command, const uno::Reference<uno::XInterface>& doc,
                             const std::string& analysisJson, int count, const Extra& extra)
{
    uno::Reference<task::XJob> xJob(
        m_xContext->getServiceManager()->createInstanceWithContext("org.assessmentanalysis.Analysis", m_xContext),
        uno::UNO_QUERY);
    if (!xJob.is())
        throw std::runtime_error("org.assessmentanalysis.Analysis is not installed");
    std::vector<beans::NamedValue> args{ beans::NamedValue("Command", uno::Any(fromUtf8(command))) };
    if (doc.is())
        args.emplace_back("Document", uno::Any(doc));
    if (!analysisJson.empty())
        args.emplace_back("Analysis", uno::Any(fromUtf8(analysisJson)));
    if (count)
        args.emplace_back("Count", uno::Any(static_cast<sal_Int32>(count)));
    for (const auto& [name, value] : extra)
        args.emplace_back(fromUtf8(name), uno::Any(fromUtf8(value)));
    OUString aResult;
    xJob->execute(uno::Sequence<beans::NamedValue>(args.data(), static_cast<sal_Int32>(args.size()))) >>= aResult;
    return toUtf8(aResult);
}

bool Office::alive() { return m_process.running(); }

void Office::shutdown()
{
    if (m_process.id() <= 0)
        return;
    try
    {
        if (m_xContext.is())
            desktop()->terminate();
    }
    catch (...)
    {
        // The bridge goes down with the office: a DisposedException here is expected.
    }
    m_xContext.clear();
    if (!m_process.waitFor(std::chrono::seconds(20)))
        m_process = aa::platform::Child();
}

} // namespace aa::client

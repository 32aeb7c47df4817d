#include "AnalysisService.hxx"

#include "MainThread.hpp"

#include "ReviewerName.hxx"

#include "Commands.hxx"

#include "DocumentReader.hxx"
#include "DocumentReview.hxx"
#include "DocumentUpdater.hxx"
#include "DocumentWriter.hxx"
#include "Errors.hpp"
#include "FaultInjection.hxx"
#include "Json.hpp"
#include "Log.hxx"
#include "Options.hxx"
#include "Package.hxx"
#include "Plan.hpp"
#include "Review.hpp"
#include "Strings.hpp"
#include "Timing.hxx"
#include "UnoString.hxx"
#include "Update.hpp"
#include "Utf8.hpp"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/DialogProvider2.hpp>
#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XDialogProvider2.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/system/SystemShellExecute.hpp>
#include <com/sun/star/system/SystemShellExecuteFlags.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weak.hxx>
#include <rtl/ref.hxx>

#include <boost/json.hpp>

#include <cctype>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <set>

using namespace css;
using aa::glue::fromUtf8;
using aa::glue::toUtf8;

namespace aa::writer
{
namespace
{
constexpr const char* implementationName = "org.assessmentanalysis.Analysis";
constexpr const char* version = AA_VERSION;

const aa::Strings& strings() { return aa::Strings::builtIn(); }

/// The NamedValue arguments by name.
class Arguments
{
public:
    explicit Arguments(const uno::Sequence<beans::NamedValue>& rArgs)
    {
        for (const beans::NamedValue& rArg : rArgs)
            m_aValues[rArg.Name] = rArg.Value;
    }

    OUString string(const OUString& rName) const
    {
        OUString aValue;
        if (!(value(rName) >>= aValue))
            throw aa::InputError(strings().format("error.badArgument", { toUtf8(rName), "a string" }));
        return aValue;
    }

    /// An optional true/false argument.
    bool flag(const OUString& rName) const
    {
        if (!has(rName))
            return false;
        bool bValue = false;
        if (!(value(rName) >>= bValue))
            throw aa::InputError(strings().format("error.badArgument", { toUtf8(rName), "true or false" }));
        return bValue;
    }

    sal_Int32 integer(const OUString& rName) const
    {
        sal_Int32 nValue = 0;
        if (!(value(rName) >>= nValue))
            throw aa::InputError(strings().format("error.badArgument", { toUtf8(rName), "a number" }));
        return nValue;
    }

    bool has(const OUString& rName) const { return m_aValues.count(rName) != 0; }

    uno::Reference<text::XTextDocument> document() const
    {
        uno::Reference<text::XTextDocument> xDoc(value("Document"), uno::UNO_QUERY);
        if (!xDoc.is())
            throw aa::InputError(strings().get("error.notWriter"));
        return xDoc;
    }

private:
    const uno::Any& value(const OUString& rName) const
    {
        auto it = m_aValues.find(rName);
        if (it == m_aValues.end() || !it->second.hasValue())
            throw aa::InputError(strings().format("error.missingArgument", { toUtf8(rName) }));
        return it->second;
    }

    std::map<OUString, uno::Any> m_aValues;
};

/// A command handed to the main thread (com.sun.star.awt.AsyncCallback), and waited for.
class MainThreadCall : public cppu::WeakImplHelper1<awt::XCallback>
{
public:
    explicit MainThreadCall(std::function<void()> work) : m_work(std::move(work)) {}

    void SAL_CALL notify(const uno::Any&) override
    {
        std::exception_ptr error;
        try
        {
            m_work();
        }
        catch (...)
        {
            error = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(m_mutex);
        m_error = error;
        m_done = true;
        m_finished.notify_all();
    }

    /// Waits until the main thread has run it; rethrows what it threw.
    void wait()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_finished.wait(lock, [this] { return m_done; });
        if (m_error)
            std::rethrow_exception(m_error);
    }

private:
    std::function<void()> m_work;
    std::mutex m_mutex;
    std::condition_variable m_finished;
    bool m_done = false;
    std::exception_ptr m_error;
};

/// Runs work on LibreOffice's main thread. A script connected from outside (a socket or a pipe)
/// calls us on one of the bridge's threads: every Writer call made from there takes and gives
/// back the lock Writer's objects need (the SolarMutex), and every give-back wakes the main
/// thread, so thousands of small calls cost two thread switches each. On the main thread the
/// lock is held throughout. Macros and the deck already run there.
void runOnMainThread(const uno::Reference<uno::XComponentContext>& xContext, const std::function<void()>& work)
{
    if (aa::glue::onMainThread())
    {
        work();
        return;
    }
    rtl::Reference<MainThreadCall> call(new MainThreadCall(work));
    awt::AsyncCallback::create(xContext)->addCallback(uno::Reference<awt::XCallback>(call.get()), uno::Any());
    call->wait();
}

std::string versionJson()
{
    boost::json::object result;
    result["version"] = version;
    result["schema"] = aa::schemaVersion;
    return boost::json::serialize(result);
}
} // namespace

AnalysisService::AnalysisService(const uno::Reference<uno::XComponentContext>& xContext) : m_xContext(xContext)
{
    initLogging(m_xContext);
    applyUiLocale(m_xContext);
}

namespace
{
/// A scripting command: its arguments in, its JSON answer out.
using Handler = std::string (*)(const Commands& commands, const Arguments& args, AnalysisService& service);

std::string countsJson(const CommentResult& result)
{
    boost::json::object counts;
    counts["added"] = result.added;
    counts["kept"] = result.kept;
    counts["removed"] = result.removed;
    return boost::json::serialize(counts);
}

/// A one-member answer such as {"dismissed":1}.
std::string countJson(const char* name, int count)
{
    boost::json::object answer;
    answer[name] = count;
    return boost::json::serialize(answer);
}

std::string optionalString(const Arguments& args, const char* name)
{
    return args.has(OUString::createFromAscii(name)) ? toUtf8(args.string(OUString::createFromAscii(name)))
                                                     : std::string();
}

const std::map<std::string, Handler>& handlers()
{
    static const std::map<std::string, Handler> table{
        { "version", [](const Commands&, const Arguments&, AnalysisService&) { return versionJson(); } },
        { "helpUrl",
          [](const Commands&, const Arguments& args, AnalysisService& service) {
        boost::json::object result;
        const std::string page = optionalString(args, "Page");
        result["url"] = service.helpUrl(page.empty() ? std::string("deck") : page);
        return boost::json::serialize(result);
         } },
        { "lastTiming", [](const Commands&, const Arguments&, AnalysisService&) { return lastTimingJson(); } },
        { "read", [](const Commands& commands, const Arguments& args,
                     AnalysisService&) { return aa::toJson(commands.read(args.document()).analysis); } },
        { "insert",
          [](const Commands& commands, const Arguments& args, AnalysisService&) {
        return aa::toJson(commands.insert(args.document(), aa::parseAnalysis(toUtf8(args.string("Analysis")))));
         } },
        { "insertSkeleton",
          [](const Commands& commands, const Arguments& args, AnalysisService&) {
        return aa::toJson(commands.insert(args.document(), aa::makeSkeleton(args.integer("Count"))));
         } },
        { "update",
          [](const Commands& commands, const Arguments& args, AnalysisService&) {
        const auto xDoc = args.document();
        const aa::Analysis desired = aa::parseAnalysis(toUtf8(args.string("Analysis")), aa::Strings::builtIn(),
                                                       aa::ParseMode::Update);
        return aa::toJson(commands.update(xDoc, desired, args.flag("ReadBack")));
         } },
        { "updatePlan",
          [](const Commands& commands, const Arguments& args, AnalysisService&) {
        return aa::toJson(commands.updatePlan(args.document(), args.flag("ReadBack")));
         } },
        { "removeIssue",
          [](const Commands& commands, const Arguments& args, AnalysisService&) {
        const auto xDoc = args.document();
        return aa::toJson(commands.removeIssue(xDoc, toUtf8(args.string("Issue")), args.flag("ReadBack")));
         } },
        { "moveIssue",
          [](const Commands& commands, const Arguments& args, AnalysisService&) {
        const auto xDoc = args.document();
        const std::string id = toUtf8(args.string("Issue"));
        const std::string direction = toUtf8(args.string("Direction"));
        if (direction != "up" && direction != "down")
            throw aa::InputError(strings().format("error.badArgument", { "Direction", "\"up\" or \"down\"" }));
        return aa::toJson(commands.moveIssue(xDoc, id, direction == "up", args.flag("ReadBack")));
         } },
        { "review",
          [](const Commands& commands, const Arguments& args, AnalysisService&) {
        const auto xDoc = args.document();
        return aa::findingsToJson(commands.review(xDoc, optionalString(args, "Today")));
         } },
        { "reviewComments",
          [](const Commands& commands, const Arguments& args, AnalysisService&) {
        const auto xDoc = args.document();
        const std::string kinds = optionalString(args, "Kinds");
        if (!kinds.empty() && kinds != "certain" && kinds != "all")
            throw aa::InputError(strings().format("error.badArgument", { "Kinds", "\"certain\" or \"all\"" }));
        return countsJson(commands.reviewComments(xDoc, optionalString(args, "Reviewer"), optionalString(args, "Today"),
                                                  kinds == "all" ? CommentKinds::All : CommentKinds::Certain));
         } },
        { "dismiss",
          [](const Commands& commands, const Arguments& args, AnalysisService&) {
        const auto xDoc = args.document();
        commands.dismiss(xDoc, toUtf8(args.string("Key")));
        return countJson("dismissed", 1);
         } },
        { "undismissAll",
          [](const Commands& commands, const Arguments& args, AnalysisService&) {
        commands.undismissAll(args.document());
        return countJson("dismissed", 0);
         } },
        { "addSupervision",
          [](const Commands& commands, const Arguments& args, AnalysisService&) {
        const auto xDoc = args.document();
        commands.addSupervision(xDoc, aa::parseSupervisionEntry(toUtf8(args.string("Supervision"))));
        return countJson("added", 1);
         } },
        };
    return table;
}
} // namespace

std::string AnalysisService::run(const uno::Sequence<beans::NamedValue>& rArgs)
{
    const Arguments args(rArgs);
    const std::string command = toUtf8(args.string("Command"));
    if (args.has("InjectFault"))
        armFault(toUtf8(args.string("InjectFault")));
    for (const char* layer : { "core", "std", "uno", "unknown" })
        faultPoint(layer);
    const auto it = handlers().find(command);
    if (it == handlers().end())
        throw aa::InputError(strings().format("error.unknownCommand", { aa::truncateUtf8(command, 40) }));
    return it->second(Commands(m_xContext), args, *this);
}

uno::Any SAL_CALL AnalysisService::execute(const uno::Sequence<beans::NamedValue>& rArgs)
{
    const auto start = std::chrono::steady_clock::now();
    OUString aCommand;
    for (const beans::NamedValue& rArg : rArgs)
        if (rArg.Name == "Command")
            rArg.Value >>= aCommand;
    try
    {
        std::string result;
        auto work = [&] {
            struct Disarm
            {
                ~Disarm() { disarmFault(); }
            } disarm;
            result = run(rArgs);
        };
        // What touches no document runs where it is called: it never waits for Writer.
        if (aCommand == "lastTiming" || aCommand == "version")
            work();
        else
            runOnMainThread(m_xContext, work);
        const long long micros
            = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
        if (aCommand != "lastTiming")
            recordTiming(toUtf8(aCommand), micros);
        log().info("{} done in {} ms", aa::truncateUtf8(toUtf8(aCommand), 40), micros / 1000);
        return uno::Any(fromUtf8(result));
    }
    catch (...)
    {
        const CurrentException e = describeCurrentException();
        if (e.refusal)
        {
            log().warn("execute refused: {}", e.message);
            throw lang::IllegalArgumentException(fromUtf8(e.message), *this, 0);
        }
        log().error("execute failed: {}", e.message);
        throw uno::RuntimeException("AnalysisService::execute: " + fromUtf8(e.message), *this);
    }
}

void SAL_CALL AnalysisService::trigger(const OUString& rEvent)
{
    try
    {
        runMenuCommand(toUtf8(rEvent));
    }
    catch (...)
    {
        const CurrentException e = describeCurrentException();
        if (!e.refusal)
            log().error("trigger failed: {}", e.message);
        try
        {
            showMessage(fromUtf8(e.message), true);
        }
        catch (...)
        {
            logCurrentException("trigger: the message could not be shown");
        }
    }
}

/// The menu commands run the scripting API's commands, with what their dialogs asked for.
/// The help page inside the installed extension, at a page's anchor, as a file URL.
std::string AnalysisService::helpUrl(const std::string& page)
{
    static const std::set<std::string> pages{ "deck", "plan", "review", "template", "questions" };
    if (!pages.count(page))
        throw aa::InputError(
            strings().format("error.badArgument", { "Page", "deck, plan, review, template or questions" }));
    return packageFileUrl(m_xContext, "guide/assessment-analysis-help.html") + "#" + page;
}

void AnalysisService::runMenuCommand(const std::string& event)
{
    if (event.rfind("help.", 0) == 0)
    {
        // The panels' "more options" button in their title bars: the help page, in the browser.
        system::SystemShellExecute::create(m_xContext)
            ->execute(fromUtf8(helpUrl(event.substr(5))), OUString(), system::SystemShellExecuteFlags::URIS_ONLY);
        return;
    }
    if (event == "newAssessment")
    {
        // A new, untitled document from the report template (File > New > Templates lists it too).
        uno::Sequence<beans::PropertyValue> aProps(1);
        aProps[0].Name = "AsTemplate";
        aProps[0].Value <<= true;
        auto xDesktop = frame::Desktop::create(m_xContext);
        if (!xDesktop
                 ->loadComponentFromURL(packageUrl(m_xContext, "templates/assessment-report.ott"), "_default", 0,
                                        aProps)
                 .is())
            throw aa::InputError(strings().get("error.template"));
        log().info("new assessment from the template");
        return;
    }
    const uno::Reference<text::XTextDocument> xDoc = currentDocument();
    const Commands commands(m_xContext);
    if (event == "insertSkeleton")
    {
        auto xDialog = createDialog("InsertSkeleton", "dialog.skeleton.title",
                                    { { "PromptLabel", "dialog.skeleton.prompt" } });
        if (xDialog->execute() != 1)
            return;
        double fCount = 0;
        controlModel(xDialog, "Count")->getPropertyValue("Value") >>= fCount;
        commands.insert(xDoc, aa::makeSkeleton(static_cast<long long>(fCount)));
    }
    else if (event == "addSupervision")
    {
        auto xDialog = createDialog("SupervisionEntry", "dialog.supervision.title",
                                    { { "DateLabel", "supervision.date" },
                                      { "SupervisorLabel", "dialog.supervision.supervisor" },
                                      { "DiscussedLabel", "supervision.discussed" },
                                      { "InfluenceLabel", "supervision.influence" },
                                      { "DecisionsLabel", "supervision.decisions" },
                                      { "ActionsLabel", "supervision.actions" } });
        controlModel(xDialog, "Date")->setPropertyValue("Text", uno::Any(fromUtf8(aa::todayIso())));
        controlModel(xDialog, "Supervisor")->setPropertyValue("Text", uno::Any(fromUtf8(reviewerName(m_xContext))));
        if (xDialog->execute() != 1)
            return;
        auto field = [&](const char* name) {
            OUString aText;
            controlModel(xDialog, name)->getPropertyValue("Text") >>= aText;
            return toUtf8(aText.replaceAll("\r\n", "\n"));
        };
        aa::SupervisionEntry entry;
        entry.date = field("Date");
        entry.reviewer = field("Supervisor");
        entry.discussed = field("Discussed");
        entry.influence = field("Influence");
        entry.decisions = field("Decisions");
        entry.actions = field("Actions");
        commands.addSupervision(xDoc, entry);
    }
    else if (event == "updatePlan")
        commands.updatePlan(xDoc);
    else if (event == "reviewComments")
    {
        // Signed with the reviewer's name; asked for once when LibreOffice knows none.
        uno::Reference<frame::XModel> xModel(xDoc, uno::UNO_QUERY_THROW);
        uno::Reference<awt::XWindowPeer> xWindow(xModel->getCurrentController()->getFrame()->getContainerWindow(),
                                                 uno::UNO_QUERY);
        const CommentResult counts = commands.reviewComments(xDoc,
                                                             sidebar::reviewerNameAskingOnce(m_xContext, xWindow));
        showMessage(
            fromUtf8(strings().format("dialog.review.done", { std::to_string(counts.added), std::to_string(counts.kept),
                                                              std::to_string(counts.removed) })),
            false);
    }
    else
        log().warn("trigger: unknown event");
}

/// The Writer document the menu command was chosen in: the desktop's current component, or the
/// model of its current frame (the current component can be empty while a menu is open).
uno::Reference<text::XTextDocument> AnalysisService::currentDocument()
{
    auto xDesktop = frame::Desktop::create(m_xContext);
    uno::Reference<text::XTextDocument> xDoc(xDesktop->getCurrentComponent(), uno::UNO_QUERY);
    if (!xDoc.is())
    {
        auto xFrame = xDesktop->getCurrentFrame();
        auto xController = xFrame.is() ? xFrame->getController() : nullptr;
        xDoc.set(xController.is() ? xController->getModel() : nullptr, uno::UNO_QUERY);
    }
    if (!xDoc.is())
    {
        // No frame has the focus (seen under a bare X server): take the only Writer document.
        auto xComponents = xDesktop->getComponents()->createEnumeration();
        int count = 0;
        while (xComponents->hasMoreElements())
        {
            uno::Reference<text::XTextDocument> xCandidate(xComponents->nextElement(), uno::UNO_QUERY);
            if (xCandidate.is() && ++count == 1)
                xDoc = xCandidate;
        }
        if (count != 1)
            xDoc.clear();
    }
    if (!xDoc.is())
        throw aa::InputError(strings().get("error.noDocument"));
    return xDoc;
}

uno::Reference<awt::XDialog>
AnalysisService::createDialog(const char* name, const char* titleKey,
                              const std::vector<std::pair<const char*, const char*>>& labels)
{
    auto xDialog = awt::DialogProvider2::create(m_xContext)
                       ->createDialog(packageUrl(m_xContext, std::string("dialogs/") + name + ".xdl"));
    uno::Reference<awt::XControl> xDialogControl(xDialog, uno::UNO_QUERY_THROW);
    uno::Reference<beans::XPropertySet>(xDialogControl->getModel(), uno::UNO_QUERY_THROW)
        ->setPropertyValue("Title", uno::Any(fromUtf8(strings().get(titleKey))));
    for (const auto& [control, key] : labels)
        controlModel(xDialog, control)->setPropertyValue("Label", uno::Any(fromUtf8(strings().get(key))));
    return xDialog;
}

uno::Reference<beans::XPropertySet> AnalysisService::controlModel(const uno::Reference<awt::XDialog>& xDialog,
                                                                  const char* name)
{
    uno::Reference<awt::XControlContainer> xControls(xDialog, uno::UNO_QUERY_THROW);
    auto xControl = xControls->getControl(OUString::createFromAscii(name));
    if (!xControl.is())
        throw uno::RuntimeException("AnalysisService: the dialog has no control " + OUString::createFromAscii(name));
    return uno::Reference<beans::XPropertySet>(xControl->getModel(), uno::UNO_QUERY_THROW);
}

void AnalysisService::showMessage(const OUString& rMessage, bool bError)
{
    try
    {
        auto xDesktop = frame::Desktop::create(m_xContext);
        auto xFrame = xDesktop->getCurrentFrame();
        uno::Reference<awt::XWindowPeer> xPeer(xFrame.is() ? xFrame->getContainerWindow() : nullptr, uno::UNO_QUERY);
        uno::Reference<awt::XMessageBoxFactory> xFactory(awt::Toolkit::create(m_xContext), uno::UNO_QUERY_THROW);
        auto xBox = xFactory->createMessageBox(
            xPeer, bError ? awt::MessageBoxType_ERRORBOX : awt::MessageBoxType_INFOBOX,
            awt::MessageBoxButtons::BUTTONS_OK, fromUtf8(strings().get("dialog.error.title")), rMessage);
        xBox->execute();
    }
    catch (...)
    {
        log().error("could not show an error message");
    }
}

OUString SAL_CALL AnalysisService::getImplementationName() { return OUString::createFromAscii(implementationName); }

sal_Bool SAL_CALL AnalysisService::supportsService(const OUString& rServiceName)
{
    return cppu::supportsService(this, rServiceName);
}

uno::Sequence<OUString> SAL_CALL AnalysisService::getSupportedServiceNames()
{
    uno::Sequence<OUString> aNames(1);
    aNames[0] = OUString::createFromAscii(implementationName);
    return aNames;
}

} // namespace aa::writer

extern "C" SAL_DLLPUBLIC_EXPORT uno::XInterface*
org_assessmentanalysis_Analysis_get_implementation(uno::XComponentContext* pContext, const uno::Sequence<uno::Any>&)
{
    return cppu::acquire(new aa::writer::AnalysisService(pContext));
}

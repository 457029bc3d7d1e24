using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HaiHau.InfoBot.Host.Tests.Browser;

/// <summary>
/// axe-core run inside the page itself (<c>axe.run</c>), for the console's accessibility check.
/// </summary>
/// <remarks>
/// Deque's default <c>RunAxe</c> runs axe frame by frame and then finishes the run in a blank page it opens in a new
/// browser context: a new renderer process and a second parse of axe's half-megabyte script for every page checked.
/// Measured 5 December (ConsoleAccessibilityTests alone, 26 pages): 1.4–2.0 s per page with it, 0.23–0.57 s in the
/// page; the class 57 → 22 s, chromium's CPU 85 → 27 s (issue 15, the suite's time). The console has no frames, so
/// the same rules judge the same elements. Deque marks the in-page run obsolete ("legacy mode"): the package is pinned,
/// and the test's own check (an unlabelled field must be caught) fails if this ever stops finding violations.
/// </remarks>
internal static class AxeInPage
{
    // Only violations are judged, so axe is told to detail only those: every rule still runs, but passes and
    // inapplicable rules are not serialised node by node (most of axe's time on the long tables of the console).
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    public static async Task<AxeResult> ViolationsAsync(IPage page)
    {
#pragma warning disable CS0618 // the in-page run: see the remarks above
        return await page.RunAxeLegacy(null, ViolationsOnly);
#pragma warning restore CS0618
    }
}

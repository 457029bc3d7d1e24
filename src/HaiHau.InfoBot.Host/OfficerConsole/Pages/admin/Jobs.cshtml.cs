using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Host.OfficerConsole.Listings;
using HaiHau.InfoBot.Storage.Listings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HaiHau.InfoBot.Host.OfficerConsole.Pages.Admin;

/// <summary>Officers and admins: job listings (add, edit, expire, import, news to subscribers).</summary>
[Authorize(Roles = ConsoleRoles.Officer + "," + ConsoleRoles.Admin)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes)]
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
public sealed class JobsModel(ListingConsoleStore console, ListingStore store, ListingSnapshot snapshot, ListingNews news, IContentStore content, TimeProvider time)
    : ListingsPageModel(console, store, snapshot, news, content, time)
{
    public override ListingKind Kind => ListingKind.Job;
}

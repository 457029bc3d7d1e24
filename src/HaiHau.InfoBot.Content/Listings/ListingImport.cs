using System.Globalization;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;

namespace HaiHau.InfoBot.Content.Listings;

/// <summary>A problem with one cell (or, with line 1, with the header), in Vietnamese for the officer who wrote the file.</summary>
public sealed record ImportProblem(int Line, string Column, string Reason)
{
    public override string ToString() => $"Dòng {Line}, cột «{Column}»: {Reason}.";
}

/// <summary>The rows that can be imported and the problems of the others. <see cref="FileProblem"/> blocks every row.</summary>
public sealed record ImportCheck(IReadOnlyList<Listing> Valid, IReadOnlyList<ImportProblem> Problems, int RowsRead, bool FileProblem);

/// <summary>Checks an import file's rows against the template; never writes anything.</summary>
public static partial class ListingImport
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy"];

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public static ImportCheck Check(ListingKind kind, RawTable table, IContentStore content, DateOnly today)
    {
        var columns = ListingTemplate.For(kind);
        var problems = new List<ImportProblem>();
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal); // template key → the file's header
        foreach (var header in table.Headers)
        {
            if (columns.FirstOrDefault(c => ListingTemplate.HeaderKey(c.Header) == ListingTemplate.HeaderKey(header)) is { } column)
            {
                byKey.TryAdd(column.Key, header);
            }
        }

        foreach (var missing in columns.Where(c => c.Required && !byKey.ContainsKey(c.Key)))
        {
            problems.Add(new ImportProblem(1, missing.Header, "thiếu cột này ở dòng tiêu đề (xem mẫu trong content/samples)"));
        }

        if (problems.Count > 0)
        {
            return new ImportCheck([], problems, table.Rows.Count, FileProblem: true);
        }

        var valid = new List<Listing>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var cells = columns.ToDictionary(c => c.Key, c => byKey.TryGetValue(c.Key, out var h) ? row.Cells.GetValueOrDefault(h) : null);
            if (cells.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
            {
                continue; // a blank row between blocks of data
            }

            var before = problems.Count;
            var reader = new RowReader(row.Line, columns, cells, problems);
            var code = reader.Text("code");
            if (code is not null && !CodePattern().IsMatch(code))
            {
                reader.Problem("code", "mã chỉ gồm chữ không dấu, chữ số và dấu - _ . (tối đa 64 ký tự)");
            }
            else if (code is not null && seen.TryGetValue(code, out var firstLine))
            {
                reader.Problem("code", $"mã «{code}» trùng với dòng {firstLine}");
            }
            else if (code is not null)
            {
                seen[code] = row.Line;
            }

            // Stored as today's commune: a listing filed under a former unit («Hải Châu») was never shown to a resident
            // who named it, since the search filters by today's commune (xã Hải Thịnh).
            var communeText = reader.Text("commune");
            var resolved = communeText is null ? null : CommuneMatcher.Resolve(content, communeText);
            var commune = resolved?.Current;
            if (communeText is not null && resolved is null)
            {
                reader.Problem("commune", $"không có xã «{communeText}» ở vùng Hải Hậu cũ (ghi tên một trong 8 xã hiện nay, hoặc tên xã, thị trấn cũ)");
            }
            else if (resolved is { NeedsChoice: true })
            {
                reader.Problem("commune", $"«{communeText}» đã sáp nhập, chưa rõ nay thuộc xã nào: ghi tên xã hiện nay");
            }

            var place = reader.Text("place");
            if (communeText is null && place is null)
            {
                reader.Problem("place", "cần ghi xã/thị trấn hoặc địa điểm");
            }

            var deadline = reader.Date("deadline");
            var listing = new Listing(kind, code ?? string.Empty, reader.Text("title") ?? string.Empty, reader.Text("provider") ?? string.Empty,
                commune?.Code, place, reader.Text("pay"), deadline ?? today, columns.Any(c => c.Key == "starts") ? reader.Date("starts") : null,
                reader.Text("contact") ?? string.Empty, reader.Text("source") ?? string.Empty, reader.Date("posted") ?? today, reader.Text("description"));
            if (problems.Count == before)
            {
                valid.Add(listing);
            }
        }

        return new ImportCheck(valid, problems, table.Rows.Count, FileProblem: false);
    }

    /// <summary>Reads one row's cells, adding a problem for each cell that breaks the template.</summary>
    private sealed class RowReader(int line, IReadOnlyList<TemplateColumn> columns, Dictionary<string, object?> cells, List<ImportProblem> problems)
    {
        public string? Text(string key)
        {
            var column = columns.First(c => c.Key == key);
            var text = cells[key] switch
            {
                null => null,
                DateTime d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString(),
            };
            text = string.IsNullOrWhiteSpace(text) ? null : Core.Text.VietnameseText.Clean(text);
            if (text is null && column.Required)
            {
                Problem(key, "còn trống");
            }
            else if (text is not null && text.Length > column.MaxLength)
            {
                Problem(key, $"dài {text.Length} ký tự, tối đa {column.MaxLength}");
                return null;
            }

            return text;
        }

        public DateOnly? Date(string key)
        {
            if (cells[key] is DateTime cell)
            {
                return DateOnly.FromDateTime(cell); // an Excel date cell
            }

            var text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            Problem(key, $"«{text}» không phải ngày (viết ngày/tháng/năm, ví dụ 31/12/2026)");
            return null;
        }

        public void Problem(string key, string reason) => problems.Add(new ImportProblem(line, columns.First(c => c.Key == key).Header, reason));
    }
}

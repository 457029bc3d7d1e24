using System.IO.Compression;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Content.Listings;

/// <summary>
/// Bounds on an uploaded list (households, jobs, courses) applied while it is read, before and around MiniExcel
/// (issue 14: a 208 KB XLSX holding one 200 MB cell once took the host from 0.9 GB to 2.5 GB). Every refusal is a
/// Vietnamese <see cref="InvalidDataException"/>, quoting at most a short <see cref="Excerpt"/> of what it refuses.
/// </summary>
public static class ImportFileGuard
{
    /// <summary>All parts of an XLSX unpacked together; the template's file for 20,000 households is far below it.</summary>
    public const long MaxUnpackedBytes = 32L * 1024 * 1024;

    /// <summary>A cell longer than this is no name, address or description an officer typed.</summary>
    public const int MaxCellChars = 4000;

    /// <summary>Data rows; the biggest commune's list is a few thousand households.</summary>
    public const int MaxRows = 20_000;

    private const int MaxZipEntries = 1000;

    private const int SniffBytes = 64 * 1024;

    /// <summary>Refuses a file whose content does not match its extension, or an XLSX that unpacks past the bound. Leaves the stream at 0.</summary>
    public static void Check(Stream seekable, string extension)
    {
        seekable.Position = 0;
        if (extension == ".xlsx")
        {
            CheckXlsx(seekable);
        }
        else
        {
            CheckCsv(seekable);
        }

        seekable.Position = 0;
    }

    /// <summary>The rows as MiniExcel yields them, stopped at the first row or cell past the bounds (nothing after it is read).</summary>
    public static IEnumerable<IDictionary<string, object?>> Bounded(IEnumerable<IDictionary<string, object?>> rows)
    {
        var count = 0;
        foreach (var row in rows)
        {
            if (++count > MaxRows)
            {
                throw Refusal($"Tệp có hơn {VietnameseFormat.Number(MaxRows)} dòng dữ liệu. Bác chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.");
            }

            foreach (var (header, value) in row)
            {
                if ((header?.Length ?? 0) > MaxCellChars || (value is string text && text.Length > MaxCellChars))
                {
                    var shown = value is string s && s.Length > MaxCellChars ? s : header;
                    throw Refusal(
                        $"Dòng {count + 1} có một ô dài quá {VietnameseFormat.Number(MaxCellChars)} ký tự (bắt đầu bằng «{Excerpt.Of(shown)}»). Bác kiểm tra lại tệp.");
                }
            }

            yield return row;
        }
    }

    private static void CheckXlsx(Stream file)
    {
        bool tooBig;
        try
        {
            tooBig = UnpacksPastTheBound(file);
        }
        catch (InvalidDataException ex)
        {
            throw NotWhatItSays(".xlsx", ex); // not a zip, or a damaged one
        }

        if (tooBig)
        {
            throw Refusal(
                $"Tệp giải nén ra lớn quá {MaxUnpackedBytes / (1024 * 1024)} MB: không phải danh sách theo mẫu. Bác lưu lại từ mẫu rồi nhập lại.");
        }
    }

    private static bool UnpacksPastTheBound(Stream file)
    {
        using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > MaxZipEntries)
        {
            return true;
        }

        // Counted while unpacking, not taken from the headers: a zip bomb's headers can say anything.
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var part = entry.Open();
            int read;
            while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > MaxUnpackedBytes)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void CheckCsv(Stream file)
    {
        var head = new byte[SniffBytes];
        var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, length);
        // A zip (XLSX/DOCX), an old Office file, a PDF or an image renamed .csv; or any file with NUL bytes, which text never has.
        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) || bytes.StartsWith("%PDF"u8) || bytes.Contains((byte)0))
        {
            throw NotWhatItSays(".csv", null);
        }
    }

    /// <summary>True for this guard's own refusals (already in Vietnamese, to show as they are).</summary>
    public static bool IsRefusal(Exception ex) => ex is InvalidDataException && ex.Data.Contains(nameof(ImportFileGuard));

    private static InvalidDataException Refusal(string message, Exception? inner = null)
    {
        var ex = new InvalidDataException(message, inner);
        ex.Data[nameof(ImportFileGuard)] = true;
        return ex;
    }

    private static InvalidDataException NotWhatItSays(string extension, Exception? inner) => Refusal(extension == ".csv"
        ? "Tệp .csv này không phải tệp chữ (có thể là tệp Excel hay tệp khác đổi đuôi). Bác mở bằng Excel, chọn «Lưu thành» → «CSV UTF-8» rồi nhập lại, hoặc nhập thẳng tệp .xlsx."
        : "Tệp .xlsx này không mở được (có thể bị hỏng hoặc không phải tệp Excel). Bác mở bằng Excel, lưu lại rồi nhập lại.", inner);
}

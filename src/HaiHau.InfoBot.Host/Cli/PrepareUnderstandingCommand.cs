using System.CommandLine;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Host.Setup;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "prepare-understanding --to FOLDER": builds the question understanding (vocabulary, answer index, trained
/// classifier) from dialogs/ and content/ and writes its files into FOLDER, which the folder empties first. The Host's
/// build runs it into prepared-understanding/ beside the binaries (issue 15): a new install reads those files instead
/// of training for a second. The files are named by a hash of everything they were built from and of this build's
/// code, so content edited after the build, or another build, never reads them.
/// </summary>
public static class PrepareUnderstandingCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var to = new Option<string>("--to") { Description = "The folder to write the files into (emptied of earlier ones first).", Required = true };
        var command = new Command("prepare-understanding", "Build the question understanding from the content and write it into a folder, so a start reads it instead of training.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(to);
        command.SetAction(async (parse, ct) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(to)!);
            var options = ValidateCommand.ReadOptions([.. parse.UnmatchedTokens]);
            if (Directory.Exists(folder))
            {
                foreach (var old in Directory.EnumerateFiles(folder, "*.bin"))
                {
                    File.Delete(old); // only this content's files travel with the build
                }
            }

            var store = new ClassifierFileStore(folder);
            var data = BotDataLoader.Load(BotDataPaths.Resolve(options.DialogsPath), BotDataPaths.Resolve(options.ContentPath), store);
            if (!data.IsValid)
            {
                await error.WriteLineAsync($"prepare-understanding: the content has {data.Problems.Count} problem(s) (see the validate verb); nothing prepared.");
                return 1;
            }

            _ = data.Questions; // builds, trains and writes both files
            await output.WriteLineAsync($"prepare-understanding: {Directory.EnumerateFiles(folder, "*.bin").Count()} file(s) in {folder}");
            return 0;
        });
        return command;
    }
}

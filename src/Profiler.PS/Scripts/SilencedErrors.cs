using System;
using System.Linq;
using System.Management.Automation.Language;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// Whether a top-level statement silences the errors its commands write, so that a false <c>$?</c> after it is the
    /// script's own choice, not a failed step: every command of the statement (outside nested script blocks) says
    /// -ErrorAction SilentlyContinue or Ignore (-EA, 0 or 4 too), or, for a PowerShell command (Verb-Noun), sends its error
    /// stream to $null (2&gt;$null, *&gt;$null): a native program's exit code is not hidden by 2&gt;$null.
    /// Commands downstream that only pass on, pick or discard objects (Out-Null, Select-Object, Where-Object, Sort-Object,
    /// Measure-Object, Format-Table/List) are not asked.
    /// A statement like <c>Remove-Item $tmp -Recurse -ErrorAction SilentlyContinue | Out-Null</c> is recorded Succeeded; a
    /// statement with any command that does not silence its errors is judged by $? as before.
    /// </summary>
    internal static class SilencedErrors
    {
        public static bool In(StatementAst statement)
        {
            // try { Get-Item $x -ErrorAction Stop } catch { }: every error of the try is terminating, so the empty catch
            // handled and dropped it on purpose; $? is false only because the catch ran no statement. A try whose commands
            // may fail without throwing (a native program's exit code, a non-terminating error) is judged by $? as usual.
            if (statement is TryStatementAst handled && handled.CatchClauses.Count > 0 && handled.CatchClauses.All(c => c.Body.Statements.Count == 0))
            {
                var tried = handled.Body.FindAll(a => a is CommandAst, searchNestedScriptBlocks: false).Cast<CommandAst>().ToList();
                return tried.Count > 0 && tried.All(c => IsPowerShellCommand(c) && IsStop(ErrorAction(c)));
            }
            // Downstream commands that only pass on, pick or discard what they get (| Out-Null, | Select-Object -First 1)
            // do not fail in their own right: the commands before them decide.
            var commands = statement.FindAll(a => a is CommandAst, searchNestedScriptBlocks: false).Cast<CommandAst>()
                .Where(c => !PassesOn(c)).ToList();
            return commands.Count > 0 && commands.All(Silenced);
        }

        private static readonly string[] PassOn =
        {
            "Out-Null", "Out-Host", "Out-Default", "Out-String", "Select-Object", "Where-Object", "Sort-Object",
            "Measure-Object", "Format-Table", "Format-List", "select", "where", "?", "sort", "measure", "ft", "fl",
        };

        private static bool PassesOn(CommandAst command)
        {
            string name = command.GetCommandName();
            return name != null && PassOn.Contains(name, StringComparer.OrdinalIgnoreCase);
        }

        private static bool Silenced(CommandAst command)
        {
            // 2>$null hides a command's error records, but not a native program's exit code (git, bash, apt-get): only a
            // Verb-Noun command with an approved verb is taken to be PowerShell's, whose failures are error records.
            if (IsPowerShellCommand(command) && command.Redirections.OfType<FileRedirectionAst>().Any(r =>
                    (r.FromStream == RedirectionStream.Error || r.FromStream == RedirectionStream.All)
                    && r.Location is VariableExpressionAst v && string.Equals(v.VariablePath.UserPath, "null", StringComparison.OrdinalIgnoreCase)))
                return true;
            string action = ErrorAction(command);
            return action != null && IsSilent(action);
        }

        /// <summary>The text of the command's -ErrorAction argument (-EA, -ErrorA..., -ErrorAction:value), or null.</summary>
        private static string ErrorAction(CommandAst command)
        {
            var elements = command.CommandElements;
            for (int i = 1; i < elements.Count; i++)
            {
                if (!(elements[i] is CommandParameterAst p) || !IsErrorAction(p.ParameterName)) continue;
                Ast value = p.Argument ?? (i + 1 < elements.Count && !(elements[i + 1] is CommandParameterAst) ? elements[i + 1] : null);
                return value?.Extent.Text;
            }
            return null;
        }

        private static bool IsStop(string action)
        {
            if (action == null) return false;
            action = action.Trim().Trim('\'', '"');
            return action == "1" || action.EndsWith("Stop", StringComparison.OrdinalIgnoreCase);
        }

        private static readonly System.Collections.Generic.HashSet<string> s_verbs = ApprovedVerbs();

        /// <summary>PowerShell's approved verbs: the constants of VerbsCommon, VerbsData, VerbsLifecycle and the other Verbs* classes.</summary>
        private static System.Collections.Generic.HashSet<string> ApprovedVerbs()
        {
            var verbs = new System.Collections.Generic.HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (Type t in new[] { typeof(System.Management.Automation.VerbsCommon), typeof(System.Management.Automation.VerbsData),
                typeof(System.Management.Automation.VerbsLifecycle), typeof(System.Management.Automation.VerbsDiagnostic),
                typeof(System.Management.Automation.VerbsCommunications), typeof(System.Management.Automation.VerbsSecurity),
                typeof(System.Management.Automation.VerbsOther) })
                foreach (var f in t.GetFields()) if (f.IsLiteral && f.GetRawConstantValue() is string verb) verbs.Add(verb);
            return verbs;
        }

        private static bool IsPowerShellCommand(CommandAst command)
        {
            string name = command.GetCommandName();
            int dash = name?.IndexOf('-') ?? -1;
            return dash > 0 && name.IndexOfAny(new[] { '.', '/', '\\' }) < 0 && s_verbs.Contains(name.Substring(0, dash));
        }

        /// <summary>-ErrorAction, any unambiguous prefix of it (-ErrorA...), or its alias -EA.</summary>
        private static bool IsErrorAction(string name)
            => string.Equals(name, "ea", StringComparison.OrdinalIgnoreCase)
               || (name.Length >= 6 && "ErrorAction".StartsWith(name, StringComparison.OrdinalIgnoreCase));

        private static bool IsSilent(string text)
        {
            text = text.Trim().Trim('\'', '"');
            return text == "0" || text == "4"
                || text.EndsWith("SilentlyContinue", StringComparison.OrdinalIgnoreCase)
                || text.EndsWith("Ignore", StringComparison.OrdinalIgnoreCase);
        }
    }
}

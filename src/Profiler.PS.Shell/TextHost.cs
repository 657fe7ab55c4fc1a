using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace Profiler.PS.Shell
{
    /// <summary>
    /// A PowerShell host that writes everything it is given to a <see cref="TextWriter"/>: the console for the
    /// shell, a <see cref="StringWriter"/> for tests that look at formatted output. It cannot prompt.
    /// </summary>
    public sealed class TextHost : PSHost
    {
        private readonly TextHostUI _ui;

        /// <summary>Creates a host writing to <paramref name="writer"/>, <paramref name="width"/> characters wide.</summary>
        public TextHost(TextWriter writer, int width = 120, bool supportsVirtualTerminal = true)
            => _ui = new TextHostUI(writer, width, supportsVirtualTerminal);

        /// <inheritdoc />
        public override string Name => "Profiler.PS.Shell";
        /// <inheritdoc />
        public override Version Version { get; } = new Version(1, 0);
        /// <inheritdoc />
        public override Guid InstanceId { get; } = Guid.NewGuid();
        /// <inheritdoc />
        public override PSHostUserInterface UI => _ui;
        /// <inheritdoc />
        public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
        /// <inheritdoc />
        public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;
        /// <summary>The exit code a script asked for with <c>exit</c>.</summary>
        public int ExitCode { get; private set; }
        /// <inheritdoc />
        public override void SetShouldExit(int exitCode) => ExitCode = exitCode;
        /// <inheritdoc />
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        /// <inheritdoc />
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        /// <inheritdoc />
        public override void NotifyBeginApplication() { }
        /// <inheritdoc />
        public override void NotifyEndApplication() { }
    }

    internal sealed class TextHostUI : PSHostUserInterface
    {
        private readonly TextWriter _writer;
        private readonly TextHostRawUI _raw;
        private readonly bool _vt;

        public TextHostUI(TextWriter writer, int width, bool vt)
        {
            _writer = writer;
            _raw = new TextHostRawUI(width);
            _vt = vt;
        }

        public override PSHostRawUserInterface RawUI => _raw;
        public override bool SupportsVirtualTerminal => _vt;

        public override void Write(string value) { lock (_writer) _writer.Write(Render(value)); }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Write(value);
        public override void WriteLine(string value) { lock (_writer) _writer.WriteLine(Render(value)); }

        /// <summary>
        /// Drops escape sequences the way pwsh's console host does: when $PSStyle.OutputRendering is PlainText,
        /// or Host on a terminal without virtual-terminal support. The formatter always decorates; hosts strip.
        /// </summary>
        private string Render(string value)
        {
            if (value == null || value.IndexOf('\u001b') < 0) return value;
            OutputRendering mode = PSStyle.Instance.OutputRendering;
            bool strip = mode == OutputRendering.PlainText || (mode == OutputRendering.Host && !_vt);
            return strip ? AnsiPattern.Replace(value, string.Empty) : value;
        }

        private static readonly System.Text.RegularExpressions.Regex AnsiPattern =
            new System.Text.RegularExpressions.Regex("\u001b(\\[[0-9;?]*[ -/]*[@-~]|\\][^\u0007\u001b]*(\u0007|\u001b\\\\))", System.Text.RegularExpressions.RegexOptions.Compiled);
        public override void WriteErrorLine(string value) => WriteLine(value);
        public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);
        public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);
        public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteInformation(InformationRecord record) { }

        public override string ReadLine() => throw NoPrompt();
        public override SecureString ReadLineAsSecureString() => throw NoPrompt();
        public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) => throw NoPrompt();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NoPrompt();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NoPrompt();
        public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) => throw NoPrompt();

        private static Exception NoPrompt() => new PSNotSupportedException("This host cannot prompt; pass -Confirm:$false or all mandatory parameters.");
    }

    internal sealed class TextHostRawUI : PSHostRawUserInterface
    {
        public TextHostRawUI(int width) => BufferSize = new Size(width, 9999);

        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override Size BufferSize { get; set; }
        public override Coordinates CursorPosition { get; set; }
        public override int CursorSize { get; set; }
        public override bool KeyAvailable => false;
        public override Size MaxPhysicalWindowSize => BufferSize;
        public override Size MaxWindowSize => BufferSize;
        public override Coordinates WindowPosition { get; set; }
        public override Size WindowSize { get => new Size(BufferSize.Width, 50); set { } }
        public override string WindowTitle { get; set; } = "Profiler.PS";

        public override void FlushInputBuffer() { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();
    }
}

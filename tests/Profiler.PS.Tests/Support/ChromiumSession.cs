using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Profiler.PS.Tests.Support
{
    /// <summary>
    /// A headless Chromium driven over the DevTools protocol (a WebSocket and JSON, nothing else): one page,
    /// with script exceptions, dialogs and console errors recorded. Disposing always kills the browser.
    /// </summary>
    public sealed class ChromiumSession : IAsyncDisposable
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
        private static readonly string[] Names = { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome" };

        private readonly Process _process;
        private readonly string _profile;
        private readonly ClientWebSocket _socket = new ClientWebSocket();
        private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly StringBuilder _stderr = new();
        private Task _receiver;
        private string _session;
        private int _nextId;
        private TaskCompletionSource<bool> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private ChromiumSession(Process process, string profile)
        {
            _process = process;
            _profile = profile;
        }

        /// <summary>Events by name (Runtime.exceptionThrown, Page.javascriptDialogOpening, Log.entryAdded), with their params.</summary>
        public ConcurrentQueue<(string Method, JsonElement Params)> Events { get; } = new();

        /// <summary>The browser to use: PROFILER_PS_BROWSER, else the first Chromium or Chrome on the PATH; null when none.</summary>
        public static string FindBrowser()
        {
            string custom = Environment.GetEnvironmentVariable("PROFILER_PS_BROWSER");
            if (!string.IsNullOrEmpty(custom)) return File.Exists(custom) ? custom : null;
            string[] folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            foreach (string name in Names)
                foreach (string folder in folders.Append("/usr/bin"))
                {
                    string candidate = Path.Combine(folder, name);
                    if (File.Exists(candidate)) return candidate;
                }
            return null;
        }

        /// <summary>Starts <paramref name="browser"/> headless with a fresh profile and attaches to a new blank page.</summary>
        public static async Task<ChromiumSession> StartAsync(string browser)
        {
            string profile = Directory.CreateTempSubdirectory("profiler-chromium-").FullName;
            var start = new ProcessStartInfo(browser) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank" })
                start.ArgumentList.Add(arg);
            var session = new ChromiumSession(Process.Start(start), profile);
            try
            {
                session._process.ErrorDataReceived += (_, e) => { lock (session._stderr) if (session._stderr.Length < 20_000) session._stderr.AppendLine(e.Data); };
                session._process.OutputDataReceived += (_, _) => { };
                session._process.BeginErrorReadLine();
                session._process.BeginOutputReadLine();
                await session.ConnectAsync();
                return session;
            }
            catch
            {
                await session.DisposeAsync();
                throw;
            }
        }

        private async Task ConnectAsync()
        {
            // Chromium writes the port it chose, and the browser endpoint's path, once it listens.
            string portFile = Path.Combine(_profile, "DevToolsActivePort");
            var clock = Stopwatch.StartNew();
            string[] lines = null;
            while (lines == null || lines.Length < 2)
            {
                if (_process.HasExited) throw new InvalidOperationException($"Chromium exited with code {_process.ExitCode}: {Stderr}");
                if (clock.Elapsed > Timeout) throw new TimeoutException("Chromium did not open its DevTools port: " + Stderr);
                await Task.Delay(100);
                if (File.Exists(portFile)) lines = (await File.ReadAllTextAsync(portFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
            await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), _stop.Token);
            _receiver = Task.Run(ReceiveLoop);
            JsonElement target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true);
            JsonElement attached = await SendAsync("Target.attachToTarget",
                new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true }, browserLevel: true);
            _session = attached.GetProperty("sessionId").GetString();
            foreach (string domain in new[] { "Page.enable", "Runtime.enable", "Log.enable" }) await SendAsync(domain);
            await SendAsync("Emulation.setDeviceMetricsOverride",
                new JsonObject { ["width"] = 1280, ["height"] = 900, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        }

        /// <summary>What Chromium printed on standard error, for failure messages.</summary>
        public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

        /// <summary>Sends a command to the page (or the browser) and returns its result.</summary>
        public async Task<JsonElement> SendAsync(string method, JsonObject parameters = null, bool browserLevel = false)
        {
            int id = Interlocked.Increment(ref _nextId);
            var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending[id] = reply;
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
            if (!browserLevel && _session != null) message["sessionId"] = _session;
            byte[] bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, _stop.Token);
            Task done = await Task.WhenAny(reply.Task, Task.Delay(Timeout));
            if (done != reply.Task) throw new TimeoutException($"{method} had no answer in {Timeout.TotalSeconds} s.");
            return await reply.Task;
        }

        /// <summary>Opens <paramref name="url"/> and waits for its load event.</summary>
        public async Task NavigateAsync(string url)
        {
            _loaded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            JsonElement result = await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
            if (result.TryGetProperty("errorText", out JsonElement error)) throw new InvalidOperationException($"Navigation to {url} failed: {error}");
            if (await Task.WhenAny(_loaded.Task, Task.Delay(Timeout)) != _loaded.Task) throw new TimeoutException(url + " did not finish loading.");
        }

        /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value (by value, so JSON-able).</summary>
        public async Task<JsonElement> EvaluateAsync(string expression)
        {
            JsonElement result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
            if (result.TryGetProperty("exceptionDetails", out JsonElement ex)) throw new InvalidOperationException("The test's own script failed: " + ex);
            return result.GetProperty("result").TryGetProperty("value", out JsonElement value) ? value : default;
        }

        /// <summary>A PNG of the whole page.</summary>
        public async Task<byte[]> ScreenshotAsync()
        {
            JsonElement shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
            return Convert.FromBase64String(shot.GetProperty("data").GetString());
        }

        /// <summary>The recorded events named <paramref name="method"/>.</summary>
        public List<JsonElement> EventsNamed(string method) => Events.Where(e => e.Method == method).Select(e => e.Params).ToList();

        private async Task ReceiveLoop()
        {
            var buffer = new byte[64 * 1024];
            var message = new MemoryStream();
            try
            {
                while (_socket.State == WebSocketState.Open)
                {
                    WebSocketReceiveResult part = await _socket.ReceiveAsync(buffer, _stop.Token);
                    if (part.MessageType == WebSocketMessageType.Close) break;
                    message.Write(buffer, 0, part.Count);
                    if (!part.EndOfMessage) continue;
                    using (JsonDocument doc = JsonDocument.Parse(message.ToArray())) Dispatch(doc.RootElement.Clone());
                    message.SetLength(0);
                }
            }
            catch (Exception e) when (e is OperationCanceledException || e is WebSocketException || e is ObjectDisposedException)
            {
                // The browser went away or the session is being disposed.
            }
            foreach (TaskCompletionSource<JsonElement> waiting in _pending.Values) waiting.TrySetException(new InvalidOperationException("Chromium closed the connection. " + Stderr));
        }

        private void Dispatch(JsonElement message)
        {
            if (message.TryGetProperty("id", out JsonElement id))
            {
                if (!_pending.TryRemove(id.GetInt32(), out TaskCompletionSource<JsonElement> reply)) return;
                if (message.TryGetProperty("error", out JsonElement error)) reply.TrySetException(new InvalidOperationException("DevTools error: " + error));
                else reply.TrySetResult(message.GetProperty("result"));
                return;
            }
            string method = message.GetProperty("method").GetString();
            JsonElement parameters = message.TryGetProperty("params", out JsonElement p) ? p : default;
            Events.Enqueue((method, parameters));
            if (method == "Page.loadEventFired") _loaded.TrySetResult(true);
            // A dialog blocks the page until answered: record it, then dismiss it so the test can go on.
            if (method == "Page.javascriptDialogOpening")
                _ = SendAsync("Page.handleJavaScriptDialog", new JsonObject { ["accept"] = false });
        }

        /// <summary>Closes the connection, kills the browser and its children, and deletes the profile.</summary>
        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            try { _socket.Abort(); } catch (ObjectDisposedException) { }
            _socket.Dispose();
            try
            {
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
            }
            catch (Exception e) when (e is InvalidOperationException || e is OperationCanceledException || e is System.ComponentModel.Win32Exception)
            {
                // Already gone, or will be reaped by the OS.
            }
            _process.Dispose();
            if (_receiver != null) await Task.WhenAny(_receiver, Task.Delay(5000));
            for (int attempt = 0; attempt < 5 && Directory.Exists(_profile); attempt++)
            {
                try { Directory.Delete(_profile, recursive: true); }
                catch (IOException) { await Task.Delay(200); }
                catch (UnauthorizedAccessException) { await Task.Delay(200); }
            }
        }
    }
}

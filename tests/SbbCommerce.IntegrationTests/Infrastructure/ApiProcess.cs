using System.Collections.Concurrent;
using System.Net.Sockets;

namespace SbbCommerce.IntegrationTests.Infrastructure;

/// <summary>
/// The built API (SbbCommerce.Api.dll) running as a separate process through <c>dotnet</c>, environment
/// <c>Testing</c>, on its own loopback port, configured by environment variables. A crash test starts it, lets a
/// fault point kill it (SIGKILL), waits for the exit and starts it again. Every process it started is killed when it
/// is disposed or when the test run ends, whatever the test did (no orphans holding ports or connections).
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Dictionary<string, string?> _settings;
    private Process? _process;

    static ApiProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Values)
        {
            KillQuietly(process);
        }
    };

    public ApiProcess(IDictionary<string, string?> settings)
    {
        _settings = new Dictionary<string, string?>(settings, StringComparer.Ordinal);
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>Process starts so far (the first one and every restart).</summary>
    public int Starts { get; private set; }

    /// <summary>Mean time from process start to ready.</summary>
    public TimeSpan MeanStart => Starts == 0 ? TimeSpan.Zero : _startTime / Starts;

    private TimeSpan _startTime;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the host wrote, for failure messages.</summary>
    public string RecentOutput => string.Join('\n', _output.TakeLast(40));

    /// <summary>Starts the host and waits until it is ready (<c>/health/ready</c> answers 200).</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The host is already running.");
        }

        var dll = ApiDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["DOTNET_gcServer"] = "0"; // a small host: the workstation GC starts faster and uses less memory
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? string.Empty;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process = process;
        Running[process.Id] = process;
        Starts++;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        await WaitUntilReadyAsync(process);
        _startTime += watch.Elapsed;
    }

    /// <summary>Waits for the host to die (a fault point killed it); fails when it is still alive at the deadline.</summary>
    public async Task WaitForExitAsync(TimeSpan deadline)
    {
        var process = _process ?? throw new InvalidOperationException("Not started.");
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The host did not die within {deadline}.\n{RecentOutput}");
        }

        Forget(process);
    }

    /// <summary>Kills the host (SIGKILL) if it runs, and waits for it.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            KillQuietly(process);
            await process.WaitForExitAsync();
            Forget(process);
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    /// <summary>
    /// The API the test project was built with: next to the test assembly (the project reference copies it, with its
    /// runtimeconfig), else the API project's own output of the same configuration (Release or Debug) and framework.
    /// </summary>
    internal static string ApiDll()
    {
        var here = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(here, "SbbCommerce.Api.dll")) && File.Exists(Path.Combine(here, "SbbCommerce.Api.runtimeconfig.json")))
        {
            return Path.Combine(here, "SbbCommerce.Api.dll");
        }

        var framework = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        var root = framework;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SbbCommerce.sln")))
        {
            root = root.Parent;
        }

        var built = root is null ? null : Path.Combine(root.FullName, "src", "SbbCommerce.Api", "bin", configuration, framework.Name, "SbbCommerce.Api.dll");
        return built is not null && File.Exists(built)
            ? built
            : throw new FileNotFoundException($"SbbCommerce.Api.dll is neither in {here} nor in the API's {configuration} output: build the solution first.");
    }

    private async Task WaitUntilReadyAsync(Process process)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartDeadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode} while starting.\n{RecentOutput}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException)
            {
                // not listening yet
            }

            await Task.Delay(50);
        }

        KillQuietly(process);
        throw new TimeoutException($"The host was not ready within {StartDeadline}.\n{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private static void Forget(Process process) => Running.TryRemove(process.Id, out _);

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // already gone
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

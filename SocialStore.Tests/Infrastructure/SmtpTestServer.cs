using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace SocialStore.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 (Python's aiosmtpd, Debian's python3-aiosmtpd) that writes every message it
/// accepts into a Maildir. Started on a free port for a test class and stopped with it.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private static readonly Lazy<string?> PythonWithAiosmtpd = new(FindPython);

    private readonly Process? process;

    public SmtpTestServer()
    {
        MailDirectory = Path.Combine(Path.GetTempPath(), "socialstore-smtp-tests", Guid.NewGuid().ToString("N"));
        if (Python is not { } python) return;
        // Only the parent: Python's Maildir lays out new/, cur/ and tmp/ only when it creates the folder itself.
        Directory.CreateDirectory(Path.GetDirectoryName(MailDirectory)!);
        Port = FreePort();
        var start = new ProcessStartInfo(python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MailDirectory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WaitUntilListening();
    }

    /// <summary>A python3 that can import aiosmtpd (the system one first: a pyenv or venv python may lack it), or null.</summary>
    public static string? Python => PythonWithAiosmtpd.Value;

    public int Port { get; }

    public string MailDirectory { get; }

    /// <summary>The messages delivered so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var delivered = Path.Combine(MailDirectory, "new");
        if (!Directory.Exists(delivered)) return [];
        return Directory.GetFiles(delivered).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();
    }

    /// <summary>The first message to <paramref name="address"/>, waiting up to 10 s for it.</summary>
    public async Task<MimeMessage> WaitForMessageToAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var message = Messages().FirstOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)));
            if (message is not null) return message;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No message to {address} reached the SMTP server in 10 s.");
            await Task.Delay(100);
        }
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (process!.HasExited) throw new InvalidOperationException($"aiosmtpd exited with code {process.ExitCode}.");
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static string? FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate) { ArgumentList = { "-c", "import aiosmtpd" }, RedirectStandardError = true, UseShellExecute = false });
                if (probe is null) continue;
                probe.StandardError.ReadToEnd();
                if (probe.WaitForExit(15_000) && probe.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under that name.
            }
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (process is not null)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit(5_000);
            process.Dispose();
        }
        try { Directory.Delete(MailDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A test that needs <see cref="SmtpTestServer"/>: skipped, with the reason, where python3-aiosmtpd is not installed.</summary>
public sealed class SmtpFactAttribute : FactAttribute
{
    public SmtpFactAttribute()
    {
        if (SmtpTestServer.Python is null) Skip = "No SMTP server to test against: python3 cannot import aiosmtpd (apt-get install python3-aiosmtpd; scripts/test.sh installs it).";
    }
}

/// <summary>The theory form of <see cref="SmtpFactAttribute"/>.</summary>
public sealed class SmtpTheoryAttribute : TheoryAttribute
{
    public SmtpTheoryAttribute()
    {
        if (SmtpTestServer.Python is null) Skip = "No SMTP server to test against: python3 cannot import aiosmtpd (apt-get install python3-aiosmtpd; scripts/test.sh installs it).";
    }
}

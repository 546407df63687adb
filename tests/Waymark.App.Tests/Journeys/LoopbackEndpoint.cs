using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Waymark.App.Tests.Journeys;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 (System.Net.HttpListener on a free port) that answers the
/// n-th request (from 1) with <c>status(n)</c> and keeps every request it received.
/// </summary>
internal sealed class LoopbackEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, HttpStatusCode> _status;
    private readonly Task _serving;
    private int _count;

    public LoopbackEndpoint(Func<int, HttpStatusCode> status)
    {
        _status = status;
        Port = StartOnAFreePort(_listener);
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Uri Url(string path) => new($"http://127.0.0.1:{Port}{path}");

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync: that is how serving ends.
        }
    }

    // HttpListener takes no port 0: ask the OS for a free port, then listen on it (retrying if another process took it first).
    private static int StartOnAFreePort(HttpListener listener)
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            listener.Prefixes.Clear();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return port;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new Received(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType, body));
            context.Response.StatusCode = (int)_status(Interlocked.Increment(ref _count));
            context.Response.Close();
        }
    }

    /// <summary>One request as the endpoint received it.</summary>
    public sealed record Received(string Method, string Path, string? ContentType, string Body);
}

using System;
using Profiler.PS.Json;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// A bottleneck alert record, one field list for profile files ("lastAlerts") and history lines ("alerts"). Versions 1
    /// and 2 stored a baseline average and the bottleneck factor; from version 3 the baseline median (the regression
    /// rule's): an old average is read as the median and the factor is checked and ignored (the rule's defaults apply).
    /// </summary>
    internal static class AlertFields
    {
        /// <summary>An alert while it is read; the run number's range depends on where it is, so the caller checks it.</summary>
        private sealed class Alert
        {
            public int RunNumber, BaselineSamples;
            public string NodeId, NodeLabel;
            public double Duration, BaselineMedian;
            public DateTimeOffset Timestamp;
        }

        private static readonly RecordDefinition<Alert> Definition = new RecordDefinition<Alert>(new[]
        {
            new RecordField<Alert>("runNumber", 1, (w, n, a) => w.Property(n, a.RunNumber), (o, p, v, a) => a.RunNumber = Int(o, p, "runNumber", 0, int.MaxValue)),
            new RecordField<Alert>("nodeId", 1, (w, n, a) => w.Property(n, a.NodeId), (o, p, v, a) => a.NodeId = String(o, p, "nodeId", nonBlank: true)),
            new RecordField<Alert>("nodeLabel", 1, (w, n, a) => w.Property(n, a.NodeLabel), (o, p, v, a) => a.NodeLabel = String(o, p, "nodeLabel")),
            new RecordField<Alert>("duration", 1, (w, n, a) => w.Property(n, a.Duration), (o, p, v, a) => a.Duration = Double(o, p, "duration", 0)),
            new RecordField<Alert>("baselineMedian", RecordSchema.RuleVersion, (w, n, a) => w.Property(n, a.BaselineMedian),
                (o, p, v, a) => a.BaselineMedian = Double(o, p, "baselineMedian", 0)),
            new RecordField<Alert>("baselineAverage", 1, (w, n, a) => w.Property(n, a.BaselineMedian),
                (o, p, v, a) => a.BaselineMedian = Double(o, p, "baselineAverage", 0), until: RecordSchema.RuleVersion - 1),
            new RecordField<Alert>("baselineSamples", 1, (w, n, a) => w.Property(n, a.BaselineSamples),
                (o, p, v, a) => a.BaselineSamples = Int(o, p, "baselineSamples", 0, int.MaxValue)),
            new RecordField<Alert>("factor", 1, (w, n, a) => { }, ReadFactor, until: RecordSchema.RuleVersion - 1),
            new RecordField<Alert>("timestamp", 1, (w, n, a) => w.Property(n, ProfileJsonWriter.Time(a.Timestamp)), (o, p, v, a) => a.Timestamp = Time(o, p, "timestamp")),
        });

        private static void ReadFactor(JsonValue o, string p, long v, Alert a)
        {
            if (!(Double(o, p, "factor") > 1)) throw Error(Join(p, "factor"), "expected a ratio greater than 1");
        }

        /// <summary>Writes an alert record.</summary>
        public static void Write(JsonWriter w, BottleneckAlert a) => Definition.Write(w, new Alert
        {
            RunNumber = a.RunNumber, NodeId = a.NodeId, NodeLabel = a.NodeLabel, Duration = a.Duration, BaselineMedian = a.BaselineMedian,
            BaselineSamples = a.BaselineSamples, Timestamp = a.Timestamp,
        });

        /// <summary>Reads an alert record of <paramref name="version"/>; its run number must be from <paramref name="minRun"/> to <paramref name="maxRun"/>.</summary>
        /// <exception cref="JsonFormatException">A member is missing or invalid.</exception>
        public static BottleneckAlert Read(JsonValue obj, string path, long version, string workflowId, int minRun, int maxRun)
        {
            var a = new Alert();
            Definition.Read(obj, path, version, a);
            if (a.RunNumber < minRun || a.RunNumber > maxRun)
                throw Error(Join(path, "runNumber"), $"expected a whole number from {minRun} to {maxRun}, found {a.RunNumber}");
            return new BottleneckAlert(workflowId, a.RunNumber, a.NodeId, a.NodeLabel, a.Duration, a.BaselineMedian, a.BaselineSamples, a.Timestamp);
        }
    }
}

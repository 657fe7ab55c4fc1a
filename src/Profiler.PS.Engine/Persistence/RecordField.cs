using System;
using System.Collections.Generic;
using Profiler.PS.Json;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// One member of a persisted record of type <typeparamref name="T"/>: its name, the schema versions that have it,
    /// and how its value is written and read. The writer and the reader of a record are both driven by its list of
    /// fields (<see cref="RecordDefinition{T}"/>), so a member is defined in exactly one place.
    /// </summary>
    internal sealed class RecordField<T>
    {
        private readonly Action<JsonWriter, string, T> _write;
        private readonly Action<JsonValue, string, long, T> _read;
        private readonly Func<T, bool> _present;

        /// <param name="name">The member's name.</param>
        /// <param name="since">The first schema version with the member.</param>
        /// <param name="write">Writes the member (name and value).</param>
        /// <param name="read">Reads the member from the object (it is there) into the record, given the object's path and the record's schema version.</param>
        /// <param name="optional">The member may be absent when read (the record keeps its default).</param>
        /// <param name="present">When the member is written; null: always. Members left out must be optional.</param>
        /// <param name="until">The last schema version with the member (a member a later version replaced).</param>
        /// <param name="late">Read after the other fields, for checks that need members written after it.</param>
        public RecordField(string name, int since, Action<JsonWriter, string, T> write, Action<JsonValue, string, long, T> read,
            bool optional = false, Func<T, bool> present = null, int until = int.MaxValue, bool late = false)
        {
            Late = late;
            Name = name;
            Since = since;
            Until = until;
            Optional = optional || present != null;
            _write = write;
            _read = read;
            _present = present;
        }

        public string Name { get; }
        public int Since { get; }
        public int Until { get; }
        public bool Optional { get; }
        /// <summary>Read after the other fields (its checks need members written after it), though written in its place.</summary>
        public bool Late { get; }

        /// <summary>True when a record of <paramref name="version"/> may have the member.</summary>
        public bool In(long version) => version >= Since && version <= Until;

        public void Write(JsonWriter w, T record)
        {
            if (Until >= RecordSchema.Version && (_present == null || _present(record))) _write(w, Name, record);
        }

        public void Read(JsonValue obj, string path, long version, T record) => _read(obj, path, version, record);
    }

    /// <summary>
    /// A persisted record as its ordered list of fields: writes them in order, and reads an object of a given schema
    /// version strictly (a member the version does not have is refused, a required one must be there), so a reader
    /// refuses a newer file by its version rather than by a member it does not know.
    /// </summary>
    internal sealed class RecordDefinition<T>
    {
        private readonly RecordField<T>[] _fields;

        public RecordDefinition(params RecordField<T>[][] parts)
        {
            var all = new List<RecordField<T>>();
            foreach (RecordField<T>[] part in parts) all.AddRange(part);
            _fields = all.ToArray();
        }

        /// <summary>Writes every field's member (not the braces: a record may be written inside a larger object).</summary>
        public void WriteMembers(JsonWriter w, T record)
        {
            foreach (RecordField<T> f in _fields) f.Write(w, record);
        }

        /// <summary>Writes the record as an object.</summary>
        public void Write(JsonWriter w, T record)
        {
            w.StartObject();
            WriteMembers(w, record);
            w.EndObject();
        }

        /// <summary>Checks the members of <paramref name="obj"/> against <paramref name="version"/> and reads each field, in the definition's order.</summary>
        /// <exception cref="JsonFormatException">An unknown or misplaced member, a missing one, or a bad value.</exception>
        public void Read(JsonValue obj, string path, long version, T record)
        {
            if (obj.Kind != JsonKind.Object) throw Error(path, "expected an object, found " + obj.Describe());
            int cursor = 0;
            foreach (KeyValuePair<string, JsonValue> m in obj.Members)
            {
                // Members are usually in the written order: search on from the last match, so a record costs one pass.
                int found = -1;
                for (int t = 0; t < _fields.Length && found < 0; t++)
                {
                    int i = (cursor + t) % _fields.Length;
                    if (_fields[i].In(version) && string.Equals(_fields[i].Name, m.Key, StringComparison.Ordinal)) found = i;
                }
                if (found < 0) throw Misplaced(m.Key, path, version);
                cursor = found + 1;
            }
            foreach (RecordField<T> f in _fields) if (!f.Late) ReadField(f, obj, path, version, record);
            foreach (RecordField<T> f in _fields) if (f.Late) ReadField(f, obj, path, version, record);
        }

        private static void ReadField(RecordField<T> f, JsonValue obj, string path, long version, T record)
        {
            if (!f.In(version)) return;
            if (obj[f.Name] != null) f.Read(obj, path, version, record);
            else if (!f.Optional) throw Error(Join(path, f.Name), "is missing");
        }

        private JsonFormatException Misplaced(string name, string path, long version)
        {
            RecordField<T> known = System.Array.Find(_fields, f => string.Equals(f.Name, name, StringComparison.Ordinal));
            if (known == null) return Error(Join(path, name), "is not part of the schema");
            return Error(Join(path, name), version < known.Since
                ? $"is not part of the schema before version {known.Since} (this record has version {version})"
                : $"is not part of the schema after version {known.Until} (this record has version {version})");
        }
    }
}

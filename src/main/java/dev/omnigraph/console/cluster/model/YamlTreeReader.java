package dev.omnigraph.console.cluster.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Builds a {@link YamlNode} tree from SnakeYAML's low-level event stream (the same event model
 * libyaml gives {@code serde_yaml}), iteratively so deep nesting cannot overflow the stack:
 * at most one document (serde_yaml refuses more), anchors/aliases resolved (an alias to an
 * unknown anchor is an error), nesting capped at {@link WireLimits#MAX_YAML_DEPTH}. Tags are
 * ignored. An empty stream yields {@code null} (serde_yaml then sees an empty mapping).
 */
final class YamlTreeReader {

    /** Malformed YAML; line/column are 1-based. */
    static final class YamlSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        YamlSyntaxException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        @Override
        public String getMessage() {
            return super.getMessage() + (line > 0 ? " at line " + line + " column " + column : "");
        }
    }

    /**
     * @param root          the document node, or null for an empty stream
     * @param duplicateKeys true when any mapping repeats a key (serde_yaml's {@code Value} parse fails then)
     */
    record Document(YamlNode root, boolean duplicateKeys) {
    }

    private YamlTreeReader() {
    }

    private static final class Frame {
        final CollectionStartEvent start;
        final boolean mapping;
        final List<YamlNode.Entry> entries = new ArrayList<>();
        final List<YamlNode> items = new ArrayList<>();
        final Set<String> keyIdentities = new HashSet<>();
        boolean duplicateKeys;
        YamlNode pendingKey;

        Frame(CollectionStartEvent start, boolean mapping) {
            this.start = start;
            this.mapping = mapping;
        }
    }

    static Document read(String text) throws YamlSyntaxException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(WireLimits.MAX_YAML_DEPTH + 1);
        try {
            ParserImpl parser = new ParserImpl(new StreamReader(text), options);
            TreeBuilder tree = new TreeBuilder();
            Event event;
            do {
                event = parser.getEvent();
                tree.accept(event);
            } while (event.getEventId() != Event.ID.StreamEnd);
            return tree.document();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new YamlSyntaxException(context + problem, line(mark), column(mark));
        } catch (YAMLException e) {
            throw new YamlSyntaxException(e.getMessage(), 0, 0);
        }
    }

    /** Turns the event stream into nodes: open collections on a stack, anchors by name. */
    private static final class TreeBuilder {
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private final Deque<Frame> stack = new ArrayDeque<>();
        private YamlNode root;
        private boolean anyDuplicate;
        private int documents;

        Document document() {
            return new Document(root, anyDuplicate);
        }

        void accept(Event event) throws YamlSyntaxException {
            switch (event.getEventId()) {
                case StreamStart, StreamEnd, DocumentEnd, Comment -> {
                }
                case DocumentStart -> {
                    documents++;
                    if (documents > 1) {
                        throw syntax("deserializing from YAML containing more than one document is not supported",
                                event.getStartMark());
                    }
                }
                case MappingStart, SequenceStart -> open((CollectionStartEvent) event);
                case MappingEnd, SequenceEnd -> close();
                case Scalar -> {
                    ScalarEvent scalar = (ScalarEvent) event;
                    YamlNode node = new YamlNode.Scalar(scalar.getValue(), scalar.isPlain(),
                            line(scalar.getStartMark()), column(scalar.getStartMark()));
                    register(scalar, node);
                    attach(node);
                }
                case Alias -> {
                    AliasEvent alias = (AliasEvent) event;
                    YamlNode target = anchors.get(alias.getAnchor());
                    if (target == null) {
                        throw syntax("unknown anchor `" + alias.getAnchor() + "`", alias.getStartMark());
                    }
                    attach(target);
                }
                default -> throw syntax("unexpected YAML event " + event.getEventId(), event.getStartMark());
            }
        }

        private void open(CollectionStartEvent event) throws YamlSyntaxException {
            if (stack.size() >= WireLimits.MAX_YAML_DEPTH) {
                throw syntax("recursion limit exceeded (nesting deeper than "
                        + WireLimits.MAX_YAML_DEPTH + " levels)", event.getStartMark());
            }
            stack.push(new Frame(event, event.getEventId() == Event.ID.MappingStart));
        }

        private void close() {
            Frame frame = stack.pop();
            anyDuplicate |= frame.duplicateKeys;
            int line = line(frame.start.getStartMark());
            int column = column(frame.start.getStartMark());
            YamlNode node = frame.mapping
                    ? new YamlNode.Mapping(List.copyOf(frame.entries), frame.duplicateKeys, line, column)
                    : new YamlNode.Sequence(List.copyOf(frame.items), line, column);
            register(frame.start, node);
            attach(node);
        }

        private void register(NodeEvent event, YamlNode node) {
            if (event.getAnchor() != null) {
                anchors.put(event.getAnchor(), node);
            }
        }

        /** Adds a finished node to the open collection (as item, key or value), or makes it the root. */
        private void attach(YamlNode node) {
            Frame top = stack.peek();
            if (top == null) {
                root = node;
            } else if (!top.mapping) {
                top.items.add(node);
            } else if (top.pendingKey == null) {
                top.pendingKey = node;
            } else {
                String identity = keyIdentity(top.pendingKey);
                if (identity != null && !top.keyIdentities.add(identity)) {
                    top.duplicateKeys = true;
                }
                top.entries.add(new YamlNode.Entry(top.pendingKey, node));
                top.pendingKey = null;
            }
        }
    }

    /** Equality of keys as {@code serde_yaml::Value}s; null for non-scalar keys. */
    private static String keyIdentity(YamlNode key) {
        if (!(key instanceof YamlNode.Scalar scalar)) {
            return null;
        }
        return switch (YamlScalars.resolve(scalar)) {
            case NULL -> "null";
            case BOOL -> "bool:" + YamlScalars.parseBool(scalar.value());
            case INT, FLOAT -> "number:" + scalar.value();
            case STRING -> "string:" + scalar.value();
        };
    }

    private static YamlSyntaxException syntax(String message, Mark mark) {
        return new YamlSyntaxException(message, line(mark), column(mark));
    }

    private static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    private static int column(Mark mark) {
        return mark == null ? 0 : mark.getColumn() + 1;
    }
}

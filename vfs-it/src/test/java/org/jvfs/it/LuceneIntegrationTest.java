package org.jvfs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.store.NativeFSLockFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lucene indexing and searching in an {@link NIOFSDirectory} on a jvfs path, with the default
 * {@link NativeFSLockFactory} ({@code FileChannel.tryLock}). This exercises positional reads
 * through {@code FileChannel}, fsync of files and of the directory, atomic renames of segment
 * files, deletes of merged segments, and the write lock.
 */
class LuceneIntegrationTest {

  private static final String[] WORDS = {
    "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "river", "stone", "cloud"
  };

  /** Returns document i's text: three words picked by i, so hit counts can be computed. */
  private static String text(int i) {
    return WORDS[i % 10] + " " + WORDS[(i / 10) % 10] + " " + WORDS[(i * 7 + 3) % 10];
  }

  private static long expectedHits(int docs, String word) {
    long n = 0;
    for (int i = 0; i < docs; i++) {
      if (List.of(text(i).split(" ")).contains(word)) {
        n++;
      }
    }
    return n;
  }

  private static void index(IndexWriter w, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      Document doc = new Document();
      doc.add(new StringField("id", "doc" + i, Field.Store.YES));
      doc.add(new TextField("body", text(i), Field.Store.YES));
      w.addDocument(doc);
    }
  }

  @ParameterizedTest(name = "caching={0}")
  @ValueSource(booleans = {true, false})
  void indexAndSearch_niofsDirectoryOnJvfs(boolean caching) throws IOException {
    try (JvfsFixture f = JvfsFixture.open(caching)) {
      Path indexPath = f.fs.getPath("/var/index");
      int docs = 1000;
      try (FSDirectory dir = new NIOFSDirectory(indexPath)) {
        assertThat(dir.getDirectory().getFileSystem()).isSameAs(f.fs);
        assertThat(dir.toString()).contains(NativeFSLockFactory.class.getSimpleName());
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
        config.setMaxBufferedDocs(100); // several segments, so merges and deletes happen
        try (IndexWriter w = new IndexWriter(dir, config)) {
          index(w, 0, docs / 2);
          w.commit();
          // The write lock is held through FileChannel.tryLock: a second writer is refused.
          assertThatThrownBy(
                  () -> new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())))
              .isInstanceOf(LockObtainFailedException.class);
          index(w, docs / 2, docs);
          w.deleteDocuments(new Term("id", "doc7"));
          w.commit();
          w.forceMerge(1);
          w.commit();
        }
        assertThat(dir.listAll()).contains("write.lock").anyMatch(n -> n.startsWith("segments_"));

        try (DirectoryReader reader = DirectoryReader.open(dir)) {
          assertThat(reader.numDocs()).isEqualTo(docs - 1);
          assertThat(reader.leaves()).hasSize(1); // forceMerge(1) left one segment
          IndexSearcher searcher = new IndexSearcher(reader);
          for (String word : new String[] {"fox", "cloud", "quick"}) {
            long expected =
                expectedHits(docs, word) - (List.of(text(7).split(" ")).contains(word) ? 1 : 0);
            assertThat(searcher.count(new TermQuery(new Term("body", word))))
                .as("hits for %s", word)
                .isEqualTo((int) expected);
          }
          BooleanQuery both =
              new BooleanQuery.Builder()
                  .add(new TermQuery(new Term("body", "river")), BooleanClause.Occur.MUST)
                  .add(new TermQuery(new Term("body", "stone")), BooleanClause.Occur.MUST)
                  .build();
          TopDocs top = searcher.search(both, 2000);
          List<String> ids = new ArrayList<>();
          for (ScoreDoc sd : top.scoreDocs) {
            Document d = searcher.storedFields().document(sd.doc);
            assertThat(d.get("body")).contains("river").contains("stone");
            ids.add(d.get("id"));
          }
          assertThat(ids).isNotEmpty().doesNotContain("doc7");
          assertThat(searcher.count(new TermQuery(new Term("id", "doc7")))).isZero();
          assertThat(searcher.count(new TermQuery(new Term("id", "doc8")))).isEqualTo(1);
        }
      }

      // The index is real files in jvfs, and reopening the directory finds it again.
      try (Stream<Path> files = Files.list(indexPath)) {
        assertThat(files.map(p -> p.getFileName().toString())).contains("write.lock");
      }
      try (FSDirectory dir = new NIOFSDirectory(indexPath);
          DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.numDocs()).isEqualTo(docs - 1);
        // The lock was released with the writer: a new writer gets it.
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
          w.deleteAll();
          w.commit();
        }
        try (DirectoryReader after = DirectoryReader.openIfChanged(reader)) {
          assertThat(after).isNotNull();
          assertThat(after.numDocs()).isZero();
        }
      }
    }
  }
}
